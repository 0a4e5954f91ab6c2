package cn.workers.subsidy.application;

import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.common.events.ChangeFeed;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.worker.WorkerService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A worker's own applications as they change: each committed transition, read fresh after commit. */
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
        Uni<Long> workerId = reads.inSession(() -> workers.idOf(worker.subject()));
        return workerId.toMulti().flatMap(id -> feed.channel(ApplicationEvents.APPLICATION_CHANGED)
                .filter(change -> id.equals(change.getLong("workerId")))
                .onOverflow().buffer(256)
                .onItem().transformToUniAndConcatenate(change -> reads.inSession(() -> queries.current(change.getLong("id"))))
                .filter(a -> a != null));
    }

    /** Listens from startup on, so that the first subscriber misses nothing committed after it subscribed. */
    void listen(@Observes StartupEvent event) {
        feed.listen(ApplicationEvents.APPLICATION_CHANGED);
    }
}
