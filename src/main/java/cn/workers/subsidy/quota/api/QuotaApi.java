package cn.workers.subsidy.quota.api;

import cn.workers.subsidy.common.Ids;
import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.common.paging.Connection;
import cn.workers.subsidy.org.OrgUnit;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.vocabulary.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
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

import cn.workers.subsidy.quota.TransferQuotaInput;
import cn.workers.subsidy.quota.AllocateQuotaInput;
import cn.workers.subsidy.quota.QuotaService;
import cn.workers.subsidy.quota.QuotaLedgerEntry;
import cn.workers.subsidy.quota.QuotaChanges;
import cn.workers.subsidy.quota.QuotaPool;
@GraphQLApi
public class QuotaApi {

    private final Reads reads;

    private final QuotaService service;
    private final OrgUnitService orgUnits;
    private final CurrentCaller caller;

    private final QuotaChanges changes;

    QuotaApi(QuotaService service, OrgUnitService orgUnits, CurrentCaller caller, Reads reads, QuotaChanges changes) {
        this.changes = changes;
        this.reads = reads;
        this.service = service;
        this.orgUnits = orgUnits;
        this.caller = caller;
    }

    @Query("quotas")
    @Authenticated
    @Description("The quota pools of a campaign.")
    public @NonNull Uni<List<@NonNull QuotaPool>> quotas(@Name("campaignId") @Id @NonNull String campaignId) {
        return service.ofCampaign(campaignId);
    }

    @Query("quotaLedger")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.FINANCE, Roles.AUDITOR})
    @Description("Every change to a pool, newest first; first at most 500 (default 20).")
    public @NonNull Uni<Connection<QuotaLedgerEntry>> quotaLedger(@Name("poolId") @Id @NonNull String poolId, @Name("first") Integer first,
            @Name("after") String after) {
        return service.ledger(poolId, first, after);
    }

    /**
     * Every committed change to a pool of the campaign, on whichever replica it happened. Any signed-in
     * role may follow quotas; checked here, synchronously, so that a refusal reaches the client.
     */
    @Subscription("quotaChanged")
    @Description("A pool's new figures after every committed change in the campaign.")
    public @NonNull Multi<QuotaPool> quotaChanged(@Id @NonNull String campaignId) {
        caller.get();
        return changes.of(Ids.parse(campaignId, "campaign"));
    }

    @Mutation("allocateQuota")
    @RolesAllowed(Roles.ADMIN)
    @Description("Sets a pool's size, creating the pool if needed; never below what it has approved.")
    public @NonNull Uni<QuotaPool> allocateQuota(@Name("input") @NonNull AllocateQuotaInput input) {
        return service.allocate(caller.get(), input);
    }

    @Mutation("transferQuota")
    @RolesAllowed(Roles.ADMIN)
    @Description("Moves places between two pools of one campaign and track, atomically; returns both pools, from first.")
    public @NonNull Uni<List<@NonNull QuotaPool>> transferQuota(@Name("input") @NonNull TransferQuotaInput input) {
        return service.transfer(caller.get(), input);
    }

    @Description("The org unit that holds the pool.")
    @NonNull
    public Uni<List<OrgUnit>> orgUnit(@Source List<QuotaPool> pools) {
        return reads.isolated(() -> orgUnits.byIds(pools.stream().map(QuotaPool::orgUnitId).toList()));
    }
}
