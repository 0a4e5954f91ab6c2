package cn.workers.subsidy.application;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepository<ApplicationEntity> {

    /** Loads the application with a row lock held to the end of the transaction: transitions on one case serialise here. */
    public Uni<ApplicationEntity> lock(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<ApplicationEntity> findByClientRequest(long workerId, String clientRequestId) {
        return find("workerId = ?1 and clientRequestId = ?2", workerId, clientRequestId).firstResult();
    }

    public Uni<List<ApplicationEntity>> forWorker(long workerId) {
        return list("workerId = ?1 order by submittedAt desc, id desc", workerId);
    }

    public Uni<List<ApplicationEntity>> findByIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }
}
