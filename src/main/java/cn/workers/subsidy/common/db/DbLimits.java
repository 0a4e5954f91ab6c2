package cn.workers.subsidy.common.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Bounds on how long a request may wait for the database, so that an exhausted pool or a database
 * that is down answers a clean error quickly instead of hanging. The statement timeout itself is a
 * PostgreSQL setting sent with every connection of the pool
 * ({@code quarkus.datasource.reactive.additional-properties.statement_timeout}).
 */
@ConfigMapping(prefix = "subsidy.db")
public interface DbLimits {

    /** How long a request waits for a connection of the pool before it fails. */
    @WithDefault("5s")
    Duration acquireTimeout();

    /** How many requests may wait for a connection at once; any further one fails at once. */
    @WithDefault("1000")
    int waitQueueSize();

    /** How long opening a new connection to PostgreSQL may take (a server that does not answer at all). */
    @WithDefault("3s")
    Duration connectTimeout();

    /** The Retry-After sent with a 503 answer while the database cannot serve requests. */
    @WithDefault("5s")
    Duration retryAfter();
}
