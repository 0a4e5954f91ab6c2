package cn.workers.subsidy.common.db;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.impl.SqlClientInternal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * Makes the SQL client fail with exceptions only. Vert.x reports some failures as bare Throwables
 * ({@code io.vertx.core.impl.NoStackTraceThrowable}): "Timeout" when no pooled connection came within the
 * acquisition timeout, "Pending requests failed to be sent due to connection has been closed". SmallRye
 * GraphQL drops a failure that is neither an Exception nor an Error and resolves the field to null, so
 * the client would get a null field instead of a clear error. This proxy wraps the pool, the connections
 * it hands out and the queries and transactions made on them (all used through these interfaces, as
 * Hibernate Reactive does) and turns such a Throwable into a {@link SqlClientFailure} that carries it.
 */
final class ExceptionsOnly implements InvocationHandler {

    /** The client interfaces whose objects are wrapped in turn when a method hands one out. */
    private static final Set<Class<?>> WRAPPED = Set.of(SqlClient.class, SqlConnection.class, PreparedQuery.class, Query.class,
            Transaction.class);

    private final Object target;

    private ExceptionsOnly(Object target) {
        this.target = target;
    }

    static PgPool pool(PgPool pool) {
        return (PgPool) Proxy.newProxyInstance(ExceptionsOnly.class.getClassLoader(), new Class<?>[] {PgPool.class}, new ExceptionsOnly(pool));
    }

    private static Object wrap(Class<?> type, Object target) {
        if (target == null || Proxy.isProxyClass(target.getClass())) {
            return target;
        }
        // a connection keeps the client's internal interface too: SQL client templates (Sql) require it
        Class<?>[] types = type == SqlConnection.class && target instanceof SqlClientInternal
                ? new Class<?>[] {type, SqlClientInternal.class} : new Class<?>[] {type};
        return Proxy.newProxyInstance(ExceptionsOnly.class.getClassLoader(), types, new ExceptionsOnly(target));
    }

    /** The failure as an exception: Exceptions and Errors as they are, anything else wrapped. */
    static Throwable exception(Throwable failure) {
        return failure instanceof Exception || failure instanceof Error ? failure : new SqlClientFailure(failure);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> method.invoke(target, args);
            };
        }
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Handler<?> handler && !Proxy.isProxyClass(handler.getClass())) {
                    args[i] = exceptionsOnly(handler);
                }
            }
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw exception(e.getCause());
        }
        if (result == target) {
            return proxy;
        }
        if (result instanceof Future<?> future) {
            return recover(future, "getConnection".equals(method.getName()));
        }
        Class<?> type = method.getReturnType();
        return WRAPPED.contains(type) ? wrap(type, result) : result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Future<?> recover(Future<?> future, boolean connection) {
        Future<Object> f = (Future<Object>) future;
        Future<Object> recovered = f.recover(failure -> Future.failedFuture(exception(failure)));
        return connection ? recovered.map(c -> wrap(SqlConnection.class, c)) : recovered;
    }

    /** A callback whose failed results carry exceptions only; other events pass unchanged. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Handler<Object> exceptionsOnly(Handler<?> handler) {
        Handler<Object> h = (Handler<Object>) handler;
        return event -> {
            if (event instanceof AsyncResult<?> ar && ar.failed() && !(ar.cause() instanceof Exception || ar.cause() instanceof Error)) {
                h.handle(Future.failedFuture(exception(ar.cause())));
            } else {
                h.handle(event);
            }
        };
    }

    /** A failure the SQL client reported as a bare Throwable (its cause), made an exception. */
    public static final class SqlClientFailure extends RuntimeException {
        SqlClientFailure(Throwable bare) {
            super(bare.getMessage(), bare, false, false);
        }
    }
}
