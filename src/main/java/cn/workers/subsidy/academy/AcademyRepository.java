package cn.workers.subsidy.academy;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class AcademyRepository implements PanacheRepository<AcademyEntity> {

    public Uni<AcademyEntity> findByCode(String code) {
        return find("code", code).firstResult();
    }

    public Uni<List<AcademyEntity>> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }
}
