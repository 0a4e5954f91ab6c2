package cn.workers.subsidy.support;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Service calls from a test thread, as a resolver makes them: on a Vert.x context, in a transaction of
 * their own that commits when the work succeeds and rolls back when it fails. For the service-level
 * tests ({@code @QuarkusTest} classes that inject services instead of sending operations).
 */
public final class Transactions {

    private Transactions() {
    }

    /** Runs {@code work} in a fresh transaction and returns its result; a failure is rethrown as it came. */
    public static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable t) {
            Throwable cause = unwrap(t);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Runs {@code work} in a fresh transaction that must fail with a refusal; its contract code. */
    public static ErrorCode refusal(Supplier<Uni<?>> work) {
        try {
            run(() -> work.get().replaceWithVoid());
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("the call was expected to be refused, and it succeeded");
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
