package cn.workers.subsidy.quota;

import io.vertx.core.json.JsonObject;

/**
 * The channel on which PostgreSQL announces a pool's new figures: a trigger NOTIFYs them whenever a
 * pool's allocation or approved count is written (V5__change_notifications.sql), delivered on commit.
 */
public final class QuotaEvents {

    public static final String QUOTA_CHANGED = "quota_changed";

    private QuotaEvents() {
    }

    /** The pool's figures as they were committed, from a notification's payload. */
    public static QuotaPool fromPayload(JsonObject p) {
        int allocated = p.getInteger("allocated");
        int approved = p.getInteger("approved");
        return new QuotaPool(p.getLong("poolId").toString(), cn.workers.subsidy.vocabulary.Track.valueOf(p.getString("track")),
                allocated, approved, allocated - approved, p.getLong("orgUnitId"), p.getLong("campaignId"));
    }
}
