package cn.workers.subsidy.me.api;

import cn.workers.subsidy.common.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import cn.workers.subsidy.me.Me;
import cn.workers.subsidy.me.MeService;
@GraphQLApi
public class MeApi {

    private final MeService service;
    private final CurrentCaller caller;

    MeApi(MeService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @Query("me")
    @Authenticated
    @Description("The caller: subject, roles, scope and, for a worker, their own profile.")
    public @NonNull Uni<Me> me() {
        return service.me(caller.get());
    }
}
