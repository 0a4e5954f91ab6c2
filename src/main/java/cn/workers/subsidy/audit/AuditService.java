package cn.workers.subsidy.audit;

import cn.workers.subsidy.campaign.CampaignService;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An auditor verifies a campaign's hash chains inside the subtree of their org unit: the history of
 * every application submitted there and the ledger of every pool held there (a province auditor sees
 * all). Read-only; runs in a transaction of its own only to raise its statement timeout locally.
 */
@ApplicationScoped
public class AuditService {

    private final OrgUnitService orgUnits;
    private final CampaignService campaigns;
    private final AuditRepository audit;
    private final AuditConfig config;

    AuditService(OrgUnitService orgUnits, CampaignService campaigns, AuditRepository audit, AuditConfig config) {
        this.orgUnits = orgUnits;
        this.campaigns = campaigns;
        this.audit = audit;
        this.config = config;
    }

    @WithTransaction
    public Uni<AuditReport> verify(Caller caller, long campaignId) {
        return orgUnits.scopeOf(caller).flatMap(unit -> {
            return campaigns.findById(campaignId).flatMap(campaign -> {
                if (campaign == null) {
                    throw DomainException.notFound("campaign " + campaignId);
                }
                return audit.allowStatementTime(config.statementTimeout())
                        .flatMap(x -> audit.history(campaignId, unit.path))
                        .flatMap(history -> audit.ledger(campaignId, unit.path)
                                .map(ledger -> AuditReport.of(campaignId, history, ledger)));
            });
        });
    }
}
