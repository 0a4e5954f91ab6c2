package cn.workers.subsidy.common.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A read in a session of its own. Nested GraphQL fields of one response are resolved concurrently
 * on the same Vert.x context, so they must not use the context's shared session: each batched
 * field loader reads through here instead.
 */
@ApplicationScoped
public class Reads {

    private final Mutiny.SessionFactory sessions;
    private final Vertx vertx;

    Reads(Mutiny.SessionFactory sessions, Vertx vertx) {
        this.sessions = sessions;
        this.vertx = vertx;
    }

    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.openSession().flatMap(session -> work.apply(session).eventually(session::close));
    }

    /**
     * Runs {@code work} (service or repository calls that use the current session) in a session of its own,
     * on a fresh duplicated Vert.x context: for batched fields that resolve beside others, and for
     * subscription events.
     */
    public <T> Uni<T> inSession(Supplier<Uni<T>> work) {
        return isolated(() -> Panache.withSession(work));
    }

    /**
     * Runs {@code work} (typically a {@code @WithSession} service call through Panache repositories)
     * on a fresh duplicated Vert.x context, where it gets a session of its own. For batched fields
     * that resolve beside others, and for subscription events, which run on no request context.
     */
    public <T> Uni<T> isolated(Supplier<Uni<T>> work) {
        Context current = Vertx.currentContext();
        Context base = current != null ? current : vertx.getOrCreateContext();
        Context fresh = VertxContext.createNewDuplicatedContext(base);
        return Uni.createFrom().emitter(emitter -> fresh.runOnContext(ignored -> {
            try {
                VertxContextSafetyToggle.setCurrentContextSafe(true);
                work.get().subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }
}
