package cn.workers.subsidy.fault;

import cn.workers.subsidy.common.db.Reads;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only access to the application's own reactive pool (the one Hibernate Reactive uses), to look at
 * the settings its connections carry, run a slow statement, or hold connections so that requests find the
 * pool exhausted. No endpoint: the tests call it directly.
 */
@ApplicationScoped
public class PoolProbe {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Pool pool;
    private final Mutiny.SessionFactory sessions;
    private final Reads reads;
    private final List<SqlConnection> held = new ArrayList<>();

    PoolProbe(Pool pool, Mutiny.SessionFactory sessions, Reads reads) {
        this.pool = pool;
        this.sessions = sessions;
        this.reads = reads;
    }

    /** {@code SHOW <setting>} on a connection of the pool. */
    public String showOnPool(String setting) {
        return pool.query("SHOW " + setting).execute().await().atMost(WAIT).iterator().next().getString(0);
    }

    /** The setting as a Hibernate Reactive session (the way every request reads and writes) sees it. */
    public String showInSession(String setting) {
        return reads.isolated(() -> sessions.withSession(s -> s.createNativeQuery("SELECT current_setting(?1)", String.class)
                .setParameter(1, setting).getSingleResult())).await().atMost(WAIT);
    }

    /** Runs {@code SELECT pg_sleep(seconds)} on the pool; the failure, or null when it completed. */
    public Throwable sleepOnPool(double seconds) {
        try {
            pool.preparedQuery("SELECT pg_sleep($1)").execute(io.vertx.mutiny.sqlclient.Tuple.of(seconds)).await().atMost(WAIT);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Runs {@code SELECT pg_sleep(seconds)} in a Hibernate Reactive session; the failure, or null. */
    public Throwable sleepInSession(double seconds) {
        try {
            reads.isolated(() -> sessions.withSession(s -> s.createNativeQuery("SELECT CAST(pg_sleep(?1) AS text)")
                    .setParameter(1, seconds).getSingleResult())).await().atMost(WAIT);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /**
     * Runs each statement (no parameters) on one connection of the pool, then lists the statements that
     * connection keeps prepared ({@code pg_prepared_statements}).
     */
    public List<String> keptPrepared(String... statements) {
        SqlConnection c = pool.getConnection().await().atMost(WAIT);
        try {
            for (String sql : statements) {
                c.preparedQuery(sql).execute().await().atMost(WAIT);
            }
            List<String> kept = new ArrayList<>();
            c.query("SELECT statement FROM pg_prepared_statements").execute().await().atMost(WAIT).forEach(r -> kept.add(r.getString(0)));
            return kept;
        } finally {
            c.close().await().atMost(WAIT);
        }
    }

    /** Takes {@code n} connections out of the pool and keeps them until {@link #release()}. */
    public synchronized void hold(int n) {
        for (int i = 0; i < n; i++) {
            held.add(pool.getConnection().await().atMost(WAIT));
        }
    }

    public synchronized void release() {
        held.forEach(c -> c.close().await().atMost(WAIT));
        held.clear();
    }
}
