package cn.workers.subsidy.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "subsidy.audit")
public interface AuditConfig {

    /**
     * The statement timeout of a chain verification (SET LOCAL in its own transaction): recomputing a
     * whole campaign's chains may take longer than the bound that every request's statements have.
     */
    @WithDefault("60s")
    Duration statementTimeout();
}
