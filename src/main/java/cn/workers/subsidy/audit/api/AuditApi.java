package cn.workers.subsidy.audit.api;

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

import cn.workers.subsidy.audit.AuditService;
import cn.workers.subsidy.audit.AuditReport;
@GraphQLApi
public class AuditApi {

    private final AuditService service;
    private final CurrentCaller caller;

    AuditApi(AuditService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @Query("auditChain")
    @RolesAllowed(Roles.AUDITOR)
    @Description("Recomputes the hash chains of a campaign's application histories and quota ledgers inside the auditor's subtree "
            + "and names the first broken link.")
    public @NonNull Uni<AuditReport> auditChain(@Id @NonNull String campaignId) {
        return service.verify(caller.get(), Ids.parse(campaignId, "campaign"));
    }
}
