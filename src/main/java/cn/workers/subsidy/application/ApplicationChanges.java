package cn.workers.subsidy.application;

import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.common.events.ChangeFeed;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.worker.WorkerEntity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A worker's own applications as they change: each committed transition, read fresh after commit. */
@ApplicationScoped
public class ApplicationChanges {

    private final ChangeFeed feed;
    private final Reads reads;

    ApplicationChanges(ChangeFeed feed, Reads reads) {
        this.feed = feed;
        this.reads = reads;
    }

    public Multi<Application> of(Caller worker) {
        Uni<Long> workerId = reads.read(s -> s.createQuery("from WorkerEntity where subject = ?1", WorkerEntity.class)
                .setParameter(1, worker.subject()).getSingleResultOrNull().map(w -> w == null ? null : w.id));
        return workerId.toMulti().flatMap(id -> feed.applications()
                .filter(change -> id.equals(change.getLong("workerId")))
                .onOverflow().buffer(256)
                .onItem().transformToUniAndConcatenate(change -> reads.read(s -> s.find(ApplicationEntity.class, change.getLong("id"))))
                .filter(a -> a != null)
                .map(Application::of));
    }
}
