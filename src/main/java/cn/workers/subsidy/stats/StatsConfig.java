package cn.workers.subsidy.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Business metrics settings ({@code subsidy.metrics.*}). */
@ConfigMapping(prefix = "subsidy.metrics")
public interface StatsConfig {

    /** How often the business gauges (subsidy_applications, subsidy_quota_remaining) are refreshed from the database. */
    @WithDefault("30s")
    Duration refresh();
}
