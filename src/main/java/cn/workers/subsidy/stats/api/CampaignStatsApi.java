package cn.workers.subsidy.stats.api;

import cn.workers.subsidy.common.Ids;
import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.vocabulary.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import cn.workers.subsidy.stats.CampaignStats;
import cn.workers.subsidy.stats.CampaignStatsService;
@GraphQLApi
public class CampaignStatsApi {

    private final CampaignStatsService service;
    private final CurrentCaller caller;

    CampaignStatsApi(CampaignStatsService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @Query("campaignStats")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Description("Applications by status, and per quota pool its figures with the cases still in review, inside the caller's subtree.")
    public @NonNull Uni<CampaignStats> campaignStats(@Id @NonNull String campaignId) {
        return service.of(caller.get(), Ids.parse(campaignId, "campaign"));
    }
}
