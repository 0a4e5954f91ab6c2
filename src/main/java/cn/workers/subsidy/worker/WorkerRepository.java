package cn.workers.subsidy.worker;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class WorkerRepository implements PanacheRepository<WorkerEntity> {

    public Uni<WorkerEntity> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }
}
