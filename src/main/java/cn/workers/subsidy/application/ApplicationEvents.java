package cn.workers.subsidy.application;

/**
 * The channel on which PostgreSQL announces application changes. The database sends them itself
 * (V5__change_notifications.sql): a trigger NOTIFYs {@code {id, workerId, campaignId, version}} for
 * every new application and every version change, delivered when the writing transaction commits.
 * Writers therefore send nothing.
 */
public final class ApplicationEvents {

    public static final String APPLICATION_CHANGED = "application_changed";

    private ApplicationEvents() {
    }
}
