package cn.workers.subsidy.common.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.templates.RowMapper;
import io.vertx.sqlclient.templates.SqlTemplate;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one way to run native SQL: Vert.x SQL client templates ({@code #{name}} parameters, rows mapped
 * by a {@link RowMapper} to a record per row shape) on the connection and in the transaction of the
 * current Hibernate Reactive session. Repositories declare their statements as constants:
 *
 * <pre>{@code
 * private static final Sql.Query<PoolRow> TAKE_PLACE = Sql.query(
 *         "UPDATE quota_pool SET approved = approved + 1 WHERE id = #{pool} AND approved < allocated RETURNING *", PoolRow::of);
 * ...
 * return TAKE_PLACE.oneOrNull(Sql.params("pool", poolId));
 * }</pre>
 *
 * <p>Why not {@code session.createNativeQuery}: Hibernate Reactive 3.2 cannot find a native select's
 * plan in its query plan cache again, so every call planned it anew and filled the cache (a sixth of the
 * server's CPU under load: bench/README.md); {@code QueryPlanReuseTest} keeps the hot paths free of it.
 *
 * <p>What to know: the session is not flushed first (flush pending entity changes yourself where a
 * statement depends on them); values are bound as the PostgreSQL client encodes them (a Long for int8, an
 * Integer for int4; enums are bound by name); {@code null} values are allowed in {@link #params}.
 * Call inside {@code @WithSession}/{@code @WithTransaction}, or pass a session of your own.
 */
public final class Sql {

    /** Statements run since start: Hibernate's statistics do not see them, and the statement-count tests add them. */
    private static final LongAdder EXECUTED = new LongAdder();

    private Sql() {
    }

    public static long executed() {
        return EXECUTED.sum();
    }

    /** A statement that returns rows (SELECT, or INSERT/UPDATE ... RETURNING), each mapped by {@code mapper}. */
    public static <R> Query<R> query(String template, RowMapper<R> mapper) {
        return new Query<>(template, mapper);
    }

    /** A statement that returns no rows; its result is the number of rows it changed. */
    public static Update update(String template) {
        return new Update(template);
    }

    /** Named parameter values: {@code params("campaign", 7L, "track", Track.SKILL)}; nulls allowed. */
    public static Map<String, Object> params(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            map.put((String) namesAndValues[i], value instanceof Enum<?> e ? e.name() : value);
        }
        return map;
    }

    public static final class Query<R> {
        private final String template;
        private final RowMapper<R> mapper;

        private Query(String template, RowMapper<R> mapper) {
            this.template = template;
            this.mapper = mapper;
        }

        public Uni<List<R>> list(Map<String, Object> params) {
            return Panache.getSession().flatMap(s -> list(s, params));
        }

        public Uni<List<R>> list(Mutiny.Session session, Map<String, Object> params) {
            return SessionConnection.of(session).flatMap(connection -> {
                EXECUTED.increment();
                return Uni.createFrom().completionStage(SqlTemplate.forQuery(connection, template).mapTo(mapper).execute(params)
                        .toCompletionStage());
            }).map(Sql::rows);
        }

        /** The one row, or null when there is none; more than one is a programming error. */
        public Uni<R> oneOrNull(Map<String, Object> params) {
            return list(params).map(this::single);
        }

        public Uni<R> oneOrNull(Mutiny.Session session, Map<String, Object> params) {
            return list(session, params).map(this::single);
        }

        private R single(List<R> rows) {
            if (rows.size() > 1) {
                throw new IllegalStateException("expected at most one row, got " + rows.size() + " from: " + template);
            }
            return rows.isEmpty() ? null : rows.get(0);
        }
    }

    public static final class Update {
        private final String template;

        private Update(String template) {
            this.template = template;
        }

        public Uni<Integer> execute(Map<String, Object> params) {
            return Panache.getSession().flatMap(s -> execute(s, params));
        }

        public Uni<Integer> execute(Mutiny.Session session, Map<String, Object> params) {
            return SessionConnection.of(session).flatMap(connection -> {
                EXECUTED.increment();
                return Uni.createFrom().completionStage(SqlTemplate.forUpdate(connection, template).execute(params).toCompletionStage());
            }).map(SqlResult::rowCount);
        }
    }

    private static <R> List<R> rows(RowSet<R> set) {
        List<R> rows = new ArrayList<>(set.size());
        set.forEach(rows::add);
        return rows;
    }

    /** Reads an enum column by name, null for NULL. */
    public static <E extends Enum<E>> E enumOf(Row row, String column, Class<E> type) {
        String name = row.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
