package cn.workers.subsidy.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SubsidyStandardRepository implements PanacheRepositoryBase<SubsidyStandardEntity, SubsidyStandardEntity.Key> {

    public Uni<SubsidyStandardEntity> find(long campaignId, Level level) {
        return findById(new SubsidyStandardEntity.Key(campaignId, level));
    }
}
