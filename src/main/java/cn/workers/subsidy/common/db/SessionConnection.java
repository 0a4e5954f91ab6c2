package cn.workers.subsidy.common.db;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.SqlConnection;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.BatchingConnection;
import org.hibernate.reactive.pool.ReactiveConnection;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;

/**
 * The Vert.x connection under a Hibernate Reactive session, so that {@link Sql} statements run on the
 * session's own connection and inside its transaction. Hibernate Reactive 3.2 has no public accessor:
 * the session's {@code ReactiveConnection} is a {@code SqlClientConnection} holding the pooled
 * {@code SqlConnection} in a private field, possibly behind a lazily opening {@code ProxyConnection}
 * and a {@code BatchingConnection} (while Hibernate batches inserts).
 * Both are reached here, and only here, by reflection; {@code SqlHelperTest} fails if an upgrade moves them.
 */
final class SessionConnection {

    private static final Field CONNECTION;
    private static final Field BATCHED;
    private static final Method OPEN_PROXY;
    private static final Class<?> PROXY;

    static {
        try {
            Class<?> client = Class.forName("org.hibernate.reactive.pool.impl.SqlClientConnection");
            CONNECTION = client.getDeclaredField("connection");
            CONNECTION.setAccessible(true);
            BATCHED = BatchingConnection.class.getDeclaredField("delegate");
            BATCHED.setAccessible(true);
            PROXY = Class.forName("org.hibernate.reactive.pool.impl.SqlClientPool$ProxyConnection");
            OPEN_PROXY = PROXY.getDeclaredMethod("connection");
            OPEN_PROXY.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("Hibernate Reactive's connection classes changed: " + e);
        }
    }

    private SessionConnection() {
    }

    /**
     * The session's connection (opened now if the session has not used it yet). Statements Hibernate
     * holds back for a JDBC-style batch are sent first, so that ours run after them, in order.
     */
    static Uni<SqlConnection> of(Mutiny.Session session) {
        ReactiveConnection connection = ((MutinySessionImpl) session).getReactiveConnection();
        return Uni.createFrom().completionStage(connection::executeBatch).flatMap(x -> unwrap(connection));
    }

    @SuppressWarnings("unchecked")
    private static Uni<SqlConnection> unwrap(ReactiveConnection connection) {
        try {
            if (connection instanceof BatchingConnection) {
                return unwrap((ReactiveConnection) BATCHED.get(connection));
            }
            if (PROXY.isInstance(connection)) {
                CompletionStage<ReactiveConnection> opened = (CompletionStage<ReactiveConnection>) OPEN_PROXY.invoke(connection);
                return Uni.createFrom().completionStage(opened).flatMap(SessionConnection::unwrap);
            }
            return Uni.createFrom().item((SqlConnection) CONNECTION.get(connection));
        } catch (ReflectiveOperationException | ClassCastException e) {
            return Uni.createFrom().failure(new IllegalStateException("no SQL connection under the session's " + connection.getClass(), e));
        }
    }
}
