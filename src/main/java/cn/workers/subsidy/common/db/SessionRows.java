package cn.workers.subsidy.common.db;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Native SQL that returns rows (SELECT ... FOR UPDATE, INSERT/UPDATE ... RETURNING), run on the
 * connection and in the transaction of a Hibernate Reactive session, past Hibernate's native query
 * machinery. Every native statement that returns rows goes through here; native statements that
 * return none ({@code executeUpdate}) and HQL stay with Hibernate, whose plan cache finds them again.
 *
 * <p>Why: Hibernate Reactive 3.2 wraps a native select's result mapping in a mapping without
 * {@code equals}, so its query plan cache never finds such a statement again. Every call plans it
 * anew and stores one more entry under the same hash (the SQL text's): under load the cache fills with
 * thousands of entries in one bin, every lookup walks them, and the HQL plans are pushed out. Under
 * the submit benchmark that walk was a sixth of the server's CPU (bench/README.md); QueryPlanReuseTest
 * keeps the hot operations free of it.
 *
 * <p>What differs from {@code createNativeQuery}: placeholders are PostgreSQL's ({@code $1}, {@code $2},
 * ...), values are bound as they are (pass enum names, not enums), columns come back as the driver
 * decodes them (int8 as Long, int4 as Integer, timestamptz as OffsetDateTime), and the session is not
 * flushed first: the statement sees what the session has already written, so callers flush pending
 * entity changes themselves where a statement depends on them.
 */
public final class SessionRows {

    /** Statements run here since start: Hibernate's statistics do not see them, and the statement-count tests add them. */
    private static final LongAdder EXECUTED = new LongAdder();

    private SessionRows() {
    }

    public static long executed() {
        return EXECUTED.sum();
    }

    /** The rows of {@code sql} with {@code params} bound to $1, $2, ... in order. */
    public static Uni<List<Object[]>> list(Mutiny.Session session, String sql, Object... params) {
        ReactiveConnection connection = ((MutinySessionImpl) session).getReactiveConnection();
        return Uni.createFrom().completionStage(() -> {
            EXECUTED.increment();
            return connection.select(sql, params);
        }).map(result -> {
            List<Object[]> rows = new ArrayList<>(result.size());
            result.forEachRemaining(rows::add);
            return rows;
        });
    }

    /** The one row of {@code sql}, or null when it returns none; more than one is a programming error. */
    public static Uni<Object[]> oneOrNull(Mutiny.Session session, String sql, Object... params) {
        return list(session, sql, params).map(rows -> {
            if (rows.size() > 1) {
                throw new IllegalStateException("expected at most one row, got " + rows.size() + " from: " + sql);
            }
            return rows.isEmpty() ? null : rows.get(0);
        });
    }
}
