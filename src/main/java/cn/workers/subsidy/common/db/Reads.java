package cn.workers.subsidy.common.db;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Function;

/**
 * A read in a session of its own. Nested GraphQL fields of one response are resolved concurrently
 * on the same Vert.x context, so they must not use the context's shared session: each batched
 * field loader reads through here instead.
 */
@ApplicationScoped
public class Reads {

    private final Mutiny.SessionFactory sessions;

    Reads(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.openSession().flatMap(session -> work.apply(session).eventually(session::close));
    }
}
