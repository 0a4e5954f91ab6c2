package cn.workers.subsidy.worker;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class WorkerRepository implements PanacheRepository<WorkerEntity> {

    public Uni<WorkerEntity> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    public Uni<Long> idBySubject(String subject) {
        return getSession().flatMap(s -> s.createSelectionQuery("select id from WorkerEntity where subject = ?1", Long.class)
                .setParameter(1, subject).getSingleResultOrNull());
    }

    public Uni<List<WorkerEntity>> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /** Another account holding this ID number (by its keyed hash), or null. */
    public Uni<WorkerEntity> otherWithIdNumber(byte[] idNumberHash, String subject) {
        return find("idNumberHash = ?1 and subject <> ?2", idNumberHash, subject).firstResult();
    }
}
