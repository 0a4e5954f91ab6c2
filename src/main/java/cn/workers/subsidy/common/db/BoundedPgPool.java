package cn.workers.subsidy.common.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Creates the application's reactive PostgreSQL pool (the one Hibernate Reactive and the health check
 * use) from Quarkus's own options plus the bounds of {@link DbLimits}, which Quarkus has no settings for:
 * the wait for a pooled connection, the number of waiters, and the time to open a connection. The pool is
 * wrapped so that every failure it reports is an exception ({@link ExceptionsOnly}).
 *
 * <p>Prepared statements are cached per connection (quarkus.datasource.reactive.cache-prepared-statements),
 * except those that match an org path prefix ({@code LIKE}, see {@link #cacheable}): for a cached statement
 * PostgreSQL may settle on a generic plan, which cannot narrow an index scan by a prefix it does not know
 * (CampaignStats of one city: the whole campaign read, 354 ms instead of 187 ms at 1,000,000 applications).
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
            Predicate<String> quarkusFilter = connect.getPreparedStatementCacheSqlFilter();
            connect.setPreparedStatementCacheSqlFilter(sql -> quarkusFilter.test(sql) && cacheable(sql));
        }
        return ExceptionsOnly.pool(PgPool.pool(input.vertx(), input.pgConnectOptionsList(), pool));
    }

    private static final Pattern PREFIX_MATCH = Pattern.compile("\\blike\\b", Pattern.CASE_INSENSITIVE);

    /** Whether a statement may be kept prepared on its connection: not when it matches a pattern (an org path prefix). */
    static boolean cacheable(String sql) {
        return !PREFIX_MATCH.matcher(sql).find();
    }
}
