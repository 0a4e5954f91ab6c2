package cn.workers.subsidy.stats;

import cn.workers.subsidy.campaign.CampaignService;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts for administrators and auditors, limited to the subtree of their org unit. */
@ApplicationScoped
public class CampaignStatsService {

    private final OrgUnitService orgUnits;
    private final CampaignService campaigns;
    private final StatsRepository stats;

    CampaignStatsService(OrgUnitService orgUnits, CampaignService campaigns, StatsRepository stats) {
        this.orgUnits = orgUnits;
        this.campaigns = campaigns;
        this.stats = stats;
    }

    @WithSession
    public Uni<CampaignStats> of(Caller caller, long campaignId) {
        return orgUnits.scopeOf(caller).flatMap(unit -> {
            return campaigns.findById(campaignId).flatMap(campaign -> {
                if (campaign == null) {
                    throw DomainException.notFound("campaign " + campaignId);
                }
                return stats.byStatus(campaignId, unit.path)
                        .flatMap(byStatus -> stats.byPool(campaignId, unit.path).map(byPool -> new CampaignStats(byStatus, byPool)));
            });
        });
    }
}
