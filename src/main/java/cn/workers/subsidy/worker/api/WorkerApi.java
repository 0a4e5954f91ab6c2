package cn.workers.subsidy.worker.api;

import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.vocabulary.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import cn.workers.subsidy.worker.ProfileService;
import cn.workers.subsidy.worker.Worker;
import cn.workers.subsidy.worker.WorkerProfileInput;
@GraphQLApi
public class WorkerApi {

    private final ProfileService profiles;
    private final CurrentCaller caller;

    WorkerApi(ProfileService profiles, CurrentCaller caller) {
        this.profiles = profiles;
        this.caller = caller;
    }

    @Mutation("updateMyProfile")
    @RolesAllowed(Roles.WORKER)
    @Description("Creates or replaces the caller's own worker profile.")
    public @NonNull Uni<Worker> updateMyProfile(@Name("input") @NonNull WorkerProfileInput input) {
        return profiles.updateMyProfile(caller.get(), input);
    }
}
