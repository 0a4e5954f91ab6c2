package cn.workers.subsidy.org.api;

import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.vocabulary.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

import cn.workers.subsidy.org.OrgUnit;
import cn.workers.subsidy.org.OrgUnitInput;
import cn.workers.subsidy.org.OrgImportResult;
import cn.workers.subsidy.org.OrgUnitService;
@GraphQLApi
public class OrgUnitApi {

    private final Reads reads;

    private final OrgUnitService service;
    private final CurrentCaller caller;

    OrgUnitApi(OrgUnitService service, CurrentCaller caller, Reads reads) {
        this.reads = reads;
        this.service = service;
        this.caller = caller;
    }

    @Query("orgUnits")
    @Authenticated
    @Description("The whole org tree, a parent before its subtree.")
    public @NonNull Uni<List<@NonNull OrgUnit>> orgUnits() {
        return service.all();
    }

    @Mutation("importOrgUnits")
    @RolesAllowed(Roles.ADMIN)
    @Description("Upserts org units by code, parents before or after their children (province administrators).")
    public @NonNull Uni<OrgImportResult> importOrgUnits(@Name("units") @NonNull List<@NonNull OrgUnitInput> units) {
        return service.importUnits(caller.get(), units);
    }

    @Description("The unit directly above; null for the province.")
    public Uni<List<OrgUnit>> parent(@Source List<OrgUnit> units) {
        return reads.isolated(() -> service.parents(units));
    }
}
