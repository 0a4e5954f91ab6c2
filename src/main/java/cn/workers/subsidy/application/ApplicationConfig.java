package cn.workers.subsidy.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the application feature (values in application.properties). */
@ConfigMapping(prefix = "subsidy.application")
public interface ApplicationConfig {

    /** Longest comment or reason a worker or reviewer may give with a transition, in characters. */
    @WithDefault("2000")
    int maxComment();
}
