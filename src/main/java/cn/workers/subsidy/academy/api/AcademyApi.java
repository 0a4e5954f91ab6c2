package cn.workers.subsidy.academy.api;

import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.vocabulary.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import cn.workers.subsidy.academy.AcademyService;
import cn.workers.subsidy.academy.Academy;
import cn.workers.subsidy.academy.AcademyInput;
@GraphQLApi
public class AcademyApi {

    private final AcademyService service;
    private final CurrentCaller caller;

    AcademyApi(AcademyService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @Mutation("registerAcademy")
    @RolesAllowed(Roles.ADMIN)
    @Description("Registers an academy or partner college (province administrators).")
    public @NonNull Uni<Academy> registerAcademy(@Name("input") @NonNull AcademyInput input) {
        return service.register(caller.get(), input);
    }
}
