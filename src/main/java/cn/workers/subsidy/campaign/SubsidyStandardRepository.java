package cn.workers.subsidy.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

import cn.workers.subsidy.vocabulary.Level;
@ApplicationScoped
public class SubsidyStandardRepository implements PanacheRepositoryBase<SubsidyStandardEntity, SubsidyStandardEntity.Key> {

    /** The standards of the given campaigns, in ladder order within each. */
    public Uni<List<SubsidyStandardEntity>> ofCampaigns(Collection<Long> campaignIds) {
        return campaignIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("key.campaignId in ?1", campaignIds);
    }

    public Uni<SubsidyStandardEntity> find(long campaignId, Level level) {
        return findById(new SubsidyStandardEntity.Key(campaignId, level));
    }
}
