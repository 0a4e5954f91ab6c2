package cn.workers.subsidy.academy;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AcademyRepository implements PanacheRepository<AcademyEntity> {

    public Uni<AcademyEntity> findByCode(String code) {
        return find("code", code).firstResult();
    }
}
