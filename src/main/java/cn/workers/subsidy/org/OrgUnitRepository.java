package cn.workers.subsidy.org;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class OrgUnitRepository implements PanacheRepository<OrgUnitEntity> {

    public Uni<OrgUnitEntity> findByCode(String code) {
        return find("code", code).firstResult();
    }

    public Uni<List<OrgUnitEntity>> findByIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }
}
