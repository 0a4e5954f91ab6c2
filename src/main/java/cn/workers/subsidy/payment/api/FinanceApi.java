package cn.workers.subsidy.payment.api;

import cn.workers.subsidy.common.paging.Paging;
import cn.workers.subsidy.common.Ids;
import cn.workers.subsidy.common.paging.Connection;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.vocabulary.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import cn.workers.subsidy.disbursement.Disbursement;
import cn.workers.subsidy.payment.FinanceService;
@GraphQLApi
public class FinanceApi {

    private final Paging paging;
    private final FinanceService finance;
    private final CurrentCaller caller;

    FinanceApi(FinanceService finance, CurrentCaller caller, Paging paging) {
        this.paging = paging;
        this.finance = finance;
        this.caller = caller;
    }

    @Query("pendingDisbursements")
    @RolesAllowed(Roles.FINANCE)
    @Description("A campaign's unpaid instalments for cases under the caller's union, oldest first.")
    public @NonNull Uni<Connection<Disbursement>> pendingDisbursements(@Id @NonNull String campaignId, Integer first, String after) {
        PageRequest page = paging.request(first, after);
        return finance.pending(caller.get(), Ids.parse(campaignId, "campaign"), page);
    }

    @Mutation("markDisbursementPaid")
    @RolesAllowed(Roles.FINANCE)
    @Description("Marks an instalment PAID with the payment reference, once; the same reference again changes nothing.")
    public @NonNull Uni<Disbursement> markDisbursementPaid(@Id @NonNull String id, @NonNull String reference) {
        return finance.markPaid(caller.get(), Ids.parse(id, "disbursement"), reference);
    }
}
