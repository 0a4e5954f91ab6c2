package cn.workers.subsidy.review.api;

import cn.workers.subsidy.common.paging.Paging;
import cn.workers.subsidy.common.Ids;
import cn.workers.subsidy.application.Application;
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

import cn.workers.subsidy.vocabulary.ReviewStage;
import cn.workers.subsidy.review.ReviewService;
@GraphQLApi
public class ReviewApi {

    private final Paging paging;
    private final ReviewService reviews;
    private final CurrentCaller caller;

    ReviewApi(ReviewService reviews, CurrentCaller caller, Paging paging) {
        this.paging = paging;
        this.reviews = reviews;
        this.caller = caller;
    }

    @Query("reviewQueue")
    @RolesAllowed(Roles.REVIEWER)
    @Description("Cases waiting for the caller's union at a stage, first come first served.")
    public @NonNull Uni<Connection<Application>> reviewQueue(@Id @NonNull String campaignId, @NonNull ReviewStage stage,
            Integer first, String after) {
        PageRequest page = paging.request(first, after);
        return reviews.queue(caller.get(), Ids.parse(campaignId, "campaign"), stage, page);
    }

    @Mutation("approveApplication")
    @RolesAllowed(Roles.REVIEWER)
    @Description("Approves at the caller's stage: the case moves to the next stage, or at the last one takes a quota place.")
    public @NonNull Uni<Application> approveApplication(@Id @NonNull String id, @NonNull int expectedVersion, String comment) {
        return reviews.approve(caller.get(), Ids.parse(id, "application"), expectedVersion, comment);
    }

    @Mutation("returnApplication")
    @RolesAllowed(Roles.REVIEWER)
    @Description("Sends the case back to the worker to fix, with a reason.")
    public @NonNull Uni<Application> returnApplication(@Id @NonNull String id, @NonNull int expectedVersion, @NonNull String reason) {
        return reviews.sendBack(caller.get(), Ids.parse(id, "application"), expectedVersion, reason);
    }

    @Mutation("rejectApplication")
    @RolesAllowed(Roles.REVIEWER)
    @Description("Ends the case with a reason.")
    public @NonNull Uni<Application> rejectApplication(@Id @NonNull String id, @NonNull int expectedVersion, @NonNull String reason) {
        return reviews.reject(caller.get(), Ids.parse(id, "application"), expectedVersion, reason);
    }
}
