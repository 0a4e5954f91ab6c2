package cn.workers.subsidy.enrollment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Academy synchronisation settings ({@code subsidy.sync.*}). */
@ConfigMapping(prefix = "subsidy.sync")
public interface SyncConfig {

    /** The most events one syncEnrollments call may carry (BATCH_TOO_LARGE beyond). */
    @WithDefault("1000")
    int maxItems();

    /** How far in the future an event's occurredAt may lie before the item is refused (academies' clocks drift). */
    @WithDefault("PT5M")
    Duration futureSkew();

    /**
     * Kept below the in-flight horizon of academyApplications: covers the instant between a
     * transaction taking its start time and showing in pg_stat_activity, and small clock slews.
     */
    @WithDefault("PT1S")
    Duration horizonMargin();
}
