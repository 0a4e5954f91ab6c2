package cn.workers.subsidy.application;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class HistoryRepository implements PanacheRepository<HistoryEntity> {

    public Uni<HistoryEntity> append(long applicationId, String actorSubject, String actorRole, Action action,
            ApplicationStatus from, ApplicationStatus to, String comment) {
        HistoryEntity h = new HistoryEntity();
        h.applicationId = applicationId;
        h.at = java.time.OffsetDateTime.now();
        h.actorSubject = actorSubject;
        h.actorRole = actorRole;
        h.action = action.name();
        h.fromStatus = from;
        h.toStatus = to;
        h.comment = comment;
        return persist(h);
    }

    /** The history of several applications in one query, oldest first. */
    public Uni<List<HistoryEntity>> forApplications(Collection<Long> applicationIds) {
        return list("applicationId in ?1 order by id", applicationIds);
    }
}
