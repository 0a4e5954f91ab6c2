package cn.workers.subsidy.campaign.api;

import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.vocabulary.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

import cn.workers.subsidy.vocabulary.CampaignStatus;
import cn.workers.subsidy.campaign.CampaignInput;
import cn.workers.subsidy.campaign.Campaign;
import cn.workers.subsidy.campaign.CampaignService;
import cn.workers.subsidy.campaign.SubsidyStandard;
@GraphQLApi
public class CampaignApi {

    private final Reads reads;

    private final CampaignService service;
    private final CurrentCaller caller;

    CampaignApi(CampaignService service, CurrentCaller caller, Reads reads) {
        this.reads = reads;
        this.service = service;
        this.caller = caller;
    }

    @Query("campaigns")
    @Authenticated
    @Description("Campaigns, all or those in one status, the newest window first.")
    public @NonNull Uni<List<@NonNull Campaign>> campaigns(@Name("status") CampaignStatus status) {
        return service.list(status);
    }

    @Mutation("createCampaign")
    @RolesAllowed(Roles.ADMIN)
    @Description("Creates a DRAFT campaign (province administrators).")
    public @NonNull Uni<Campaign> createCampaign(@Name("input") @NonNull CampaignInput input) {
        return service.create(caller.get(), input);
    }

    @Mutation("openCampaign")
    @RolesAllowed(Roles.ADMIN)
    @Description("DRAFT → OPEN (province administrators).")
    public @NonNull Uni<Campaign> openCampaign(@Name("id") @Id @NonNull String id) {
        return service.move(caller.get(), id, CampaignStatus.OPEN);
    }

    @Mutation("closeCampaign")
    @RolesAllowed(Roles.ADMIN)
    @Description("OPEN → CLOSED (province administrators).")
    public @NonNull Uni<Campaign> closeCampaign(@Name("id") @Id @NonNull String id) {
        return service.move(caller.get(), id, CampaignStatus.CLOSED);
    }

    @Mutation("archiveCampaign")
    @RolesAllowed(Roles.ADMIN)
    @Description("CLOSED → ARCHIVED (province administrators).")
    public @NonNull Uni<Campaign> archiveCampaign(@Name("id") @Id @NonNull String id) {
        return service.move(caller.get(), id, CampaignStatus.ARCHIVED);
    }

    @Description("The most the campaign pays for each target level it funds, in fen.")
    @NonNull
    public Uni<List<List<@NonNull SubsidyStandard>>> standards(@Source List<Campaign> campaigns) {
        return reads.isolated(() -> service.standardsOf(campaigns));
    }
}
