package cn.workers.subsidy.common.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** The province's clock: dates (ages, windows, notice days) are reckoned in its time zone. */
@ConfigMapping(prefix = "subsidy.time")
public interface TimeConfig {

    /** The province's time zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
