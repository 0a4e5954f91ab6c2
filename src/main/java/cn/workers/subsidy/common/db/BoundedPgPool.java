package cn.workers.subsidy.common.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/**
 * Creates the application's reactive PostgreSQL pool (the one Hibernate Reactive and the health check
 * use) from Quarkus's own options plus the bounds of {@link DbLimits}, which Quarkus has no settings for:
 * the wait for a pooled connection, the number of waiters, and the time to open a connection. The pool is
 * wrapped so that every failure it reports is an exception ({@link ExceptionsOnly}).
 */
@Singleton
public class BoundedPgPool implements PgPoolCreator {

    private final DbLimits limits;

    BoundedPgPool(DbLimits limits) {
        this.limits = limits;
    }

    @Override
    @SuppressWarnings("deprecation") // Quarkus casts the pool to PgPool; PgPool.pool is the factory that returns one
    public Pool create(Input input) {
        PoolOptions pool = input.poolOptions()
                .setConnectionTimeout((int) limits.acquireTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(limits.waitQueueSize());
        for (PgConnectOptions connect : input.pgConnectOptionsList()) {
            connect.setConnectTimeout((int) limits.connectTimeout().toMillis());
        }
        return ExceptionsOnly.pool(PgPool.pool(input.vertx(), input.pgConnectOptionsList(), pool));
    }
}
