package cn.workers.subsidy.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct SQL for tests: to look behind the API (did anything change?) and to tamper on purpose.
 * Goes through the JDBC datasource that otherwise only migrates; test threads may block.
 */
@ApplicationScoped
public class Db {

    @Inject
    AgroalDataSource dataSource;

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

    public List<Object> column(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Object> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getObject(1));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single row of a query, as an array of its columns. */
    public Object[] row(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row from " + sql);
                }
                Object[] out = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = rs.getObject(i + 1);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Changes history or ledger rows behind the server's back, past their append-only triggers: the two
     * triggers are disabled inside the statement's own transaction and enabled again before it commits
     * (DDL is transactional), so nothing else ever sees them off. Needs only table ownership, which the
     * user that migrated the schema has, superuser or not.
     */
    public int tamper(String sql, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement ddl = c.createStatement(); PreparedStatement ps = c.prepareStatement(sql)) {
                ddl.execute("ALTER TABLE application_history DISABLE TRIGGER application_history_append_only");
                ddl.execute("ALTER TABLE quota_ledger DISABLE TRIGGER quota_ledger_append_only");
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                int n = ps.executeUpdate();
                ddl.execute("ALTER TABLE application_history ENABLE TRIGGER application_history_append_only");
                ddl.execute("ALTER TABLE quota_ledger ENABLE TRIGGER quota_ledger_append_only");
                c.commit();
                return n;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An update whose transaction stays open until {@link #commit()} (or rolls back on close): a writer caught mid-way. */
    public final class Held implements AutoCloseable {
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
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                ps.executeUpdate();
            }
            return new Held(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
