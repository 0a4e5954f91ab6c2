package cn.workers.subsidy.application;

import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.common.events.ChangeFeed;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.worker.WorkerService;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A worker's own applications as they change: each committed transition, read fresh after commit.
 *
 * <p>A worker who subscribes before having a profile (a front end subscribes at login) is kept subscribed: a
 * worker's first application is a new row, announced with version 1, so while the profile is unknown each such
 * announcement makes the subscription look the worker up again, and from the first one that is theirs on it
 * follows them like any other. Nothing ends the stream but the client.
 */
@ApplicationScoped
public class ApplicationChanges {

    private final ChangeFeed feed;
    private final Reads reads;
    private final WorkerService workers;
    private final ApplicationQueries queries;

    ApplicationChanges(ChangeFeed feed, Reads reads, WorkerService workers, ApplicationQueries queries) {
        this.feed = feed;
        this.reads = reads;
        this.workers = workers;
        this.queries = queries;
    }

    public Multi<Application> of(Caller worker) {
        AtomicReference<Long> known = new AtomicReference<>();
        Uni<Long> lookup = reads.inSession(() -> workers.idOf(worker.subject()));
        return lookup.invoke(known::set).onItem().transformToMulti(ignored -> feed.channel(ApplicationEvents.APPLICATION_CHANGED)
                .onOverflow().buffer(256)
                .onItem().transformToUniAndConcatenate(change -> owner(change, known, lookup)
                        .flatMap(mine -> mine ? reads.inSession(() -> queries.current(change.getLong("id")))
                                : Uni.createFrom().<Application>nullItem()))
                .filter(a -> a != null));
    }

    /** Is the announced application the worker's? Looks the worker up again while no profile was known. */
    private static Uni<Boolean> owner(JsonObject change, AtomicReference<Long> known, Uni<Long> lookup) {
        Long id = known.get();
        if (id != null) {
            return Uni.createFrom().item(id.equals(change.getLong("workerId")));
        }
        if (change.getInteger("version", 0) != 1) {
            return Uni.createFrom().item(false);
        }
        return lookup.map(found -> {
            if (found != null) {
                known.set(found);
            }
            return found != null && found.equals(change.getLong("workerId"));
        });
    }

    /** Listens from startup on, so that the first subscriber misses nothing committed after it subscribed. */
    void listen(@Observes StartupEvent event) {
        feed.listen(ApplicationEvents.APPLICATION_CHANGED);
    }
}
