package cn.workers.subsidy.support;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Direct SQL for tests: to build worlds ({@link Fixtures}), to look behind the API (did anything
 * change?) and to tamper on purpose. In a {@code @QuarkusTest} it is injected and goes through the
 * JDBC datasource that otherwise only migrates (test threads may block); integration tests whose
 * servers run as processes of their own make one with {@link #at(String)}. Each call runs on a
 * connection of its own, autocommit, unless it runs inside {@link #transaction(Function)}.
 */
@Singleton
public class Db {

    /** Where connections come from, and what becomes of them after a call. */
    interface Connections {
        Connection open() throws SQLException;

        default void release(Connection c) throws SQLException {
            c.close();
        }
    }

    private final Connections connections;

    @Inject
    Db(AgroalDataSource dataSource) {
        this(dataSource::getConnection);
    }

    private Db(Connections connections) {
        this.connections = connections;
    }

    /** A database reached over plain JDBC as postgres/postgres (the embedded server's user). */
    public static Db at(String jdbcUrl) {
        return new Db(() -> DriverManager.getConnection(jdbcUrl, "postgres", "postgres"));
    }

    @FunctionalInterface
    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private <T> T run(String sql, Work<T> work) {
        try {
            Connection c = connections.open();
            try {
                return work.on(c);
            } finally {
                connections.release(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    /**
     * Runs {@code work} in one transaction on one connection: every call on the {@code Db} it is given
     * runs there; committed when {@code work} returns, rolled back when it throws.
     */
    public <T> T transaction(Function<Db, T> work) {
        return run("transaction", c -> {
            c.setAutoCommit(false);
            try {
                T result = work.apply(new Db(new Connections() {
                    @Override
                    public Connection open() {
                        return c;
                    }

                    @Override
                    public void release(Connection held) {
                        // stays open until the transaction ends
                    }
                }));
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    public long count(String sql, Object... params) {
        return ((Number) one(sql, params)).longValue();
    }

    public Object one(String sql, Object... params) {
        List<Object> rows = column(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + rows.size());
        }
        return rows.get(0);
    }

    /** The first column of every row. */
    public List<Object> column(String sql, Object... params) {
        return rows(sql, params).stream().map(r -> r[0]).toList();
    }

    /** The single row of a query, as an array of its columns. */
    public Object[] row(String sql, Object... params) {
        List<Object[]> rows = rows(sql, params);
        if (rows.isEmpty()) {
            throw new AssertionError("no row from " + sql);
        }
        return rows.get(0);
    }

    /** Every row, each as an array of its columns. */
    public List<Object[]> rows(String sql, Object... params) {
        return run(sql, c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<Object[]> out = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
                return out;
            }
        });
    }

    public int update(String sql, Object... params) {
        return run(sql, c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Changes history or ledger rows behind the server's back, past their append-only triggers: the two
     * triggers are disabled inside the statement's own transaction and enabled again before it commits
     * (DDL is transactional), so nothing else ever sees them off. Needs only table ownership, which the
     * user that migrated the schema has, superuser or not.
     */
    public int tamper(String sql, Object... params) {
        return transaction(tx -> {
            tx.execute("ALTER TABLE application_history DISABLE TRIGGER application_history_append_only");
            tx.execute("ALTER TABLE quota_ledger DISABLE TRIGGER quota_ledger_append_only");
            int n = tx.update(sql, params);
            tx.execute("ALTER TABLE application_history ENABLE TRIGGER application_history_append_only");
            tx.execute("ALTER TABLE quota_ledger ENABLE TRIGGER quota_ledger_append_only");
            return n;
        });
    }

    private void execute(String ddl) {
        run(ddl, c -> {
            try (Statement s = c.createStatement()) {
                return s.execute(ddl);
            }
        });
    }

    /** An update whose transaction stays open until {@link #commit()} (or rolls back on close): a writer caught mid-way. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;
        private boolean done;

        Held(Connection connection) {
            this.connection = connection;
        }

        public void commit() {
            try {
                connection.commit();
                done = true;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try (Connection c = connection) {
                if (!done) {
                    c.rollback();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public Held hold(String sql, Object... params) {
        try {
            Connection c = connections.open();
            c.setAutoCommit(false);
            try (PreparedStatement ps = prepare(c, sql, params)) {
                ps.executeUpdate();
            }
            return new Held(c);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
