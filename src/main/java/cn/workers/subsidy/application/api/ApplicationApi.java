package cn.workers.subsidy.application.api;

import cn.workers.subsidy.common.Ids;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.common.error.ErrorCodes;
import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.vocabulary.Roles;
import cn.workers.subsidy.access.Viewers;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import io.smallrye.graphql.api.Subscription;

import java.util.List;

import cn.workers.subsidy.application.SubmitApplicationInput;
import cn.workers.subsidy.application.Submissions;
import cn.workers.subsidy.application.Application;
import cn.workers.subsidy.application.Withdrawals;
import cn.workers.subsidy.application.ApplicationChanges;
import cn.workers.subsidy.application.ApplicationQueries;
/** The worker's side of applications, and one application for anyone entitled to read it. */
@GraphQLApi
public class ApplicationApi {

    private final Submissions submissions;
    private final Withdrawals withdrawals;
    private final ApplicationQueries queries;
    private final CurrentCaller caller;
    private final Viewers viewers;
    private final ApplicationChanges changes;

    ApplicationApi(Submissions submissions, Withdrawals withdrawals, ApplicationQueries queries, CurrentCaller caller, Viewers viewers,
            ApplicationChanges changes) {
        this.changes = changes;
        this.submissions = submissions;
        this.withdrawals = withdrawals;
        this.queries = queries;
        this.caller = caller;
        this.viewers = viewers;
    }

    @Mutation("submitApplication")
    @RolesAllowed(Roles.WORKER)
    public @NonNull Uni<Application> submitApplication(@Name("input") @NonNull SubmitApplicationInput input) {
        // a replay of the same clientRequestId racing the first request finds its live application or hits a
        // unique constraint: in a fresh session, answer with the application the first request created
        return submissions.submit(caller.get(), input)
                .onFailure(f -> ErrorCodes.isUniqueViolation(f) || ErrorCodes.of(f) == ErrorCode.DUPLICATE_APPLICATION)
                .recoverWithUni(() -> submissions.replay(caller.get(), input));
    }

    @Mutation("resubmitApplication")
    @RolesAllowed(Roles.WORKER)
    public @NonNull Uni<Application> resubmitApplication(@Id @NonNull String id, @NonNull int expectedVersion, @Id String courseId) {
        return submissions.resubmit(caller.get(), Ids.parse(id, "application"), expectedVersion, courseId);
    }

    @Mutation("withdrawApplication")
    @RolesAllowed(Roles.WORKER)
    public @NonNull Uni<Application> withdrawApplication(@Id @NonNull String id, @NonNull int expectedVersion, String reason) {
        return withdrawals.withdraw(caller.get(), Ids.parse(id, "application"), expectedVersion, reason);
    }

    @Query("myApplications")
    @RolesAllowed(Roles.WORKER)
    public @NonNull Uni<List<@NonNull Application>> myApplications() {
        return queries.mine(caller.get());
    }

    /**
     * The role is checked here, synchronously, rather than by an interceptor: only a failure raised
     * while the subscription starts reaches the client as an error message (a stream that fails
     * later is dropped by the WebSocket handler).
     */
    @Subscription("myApplicationChanged")
    public @NonNull Multi<Application> myApplicationChanged() {
        return changes.of(caller.require(Roles.WORKER));
    }

    @Query("application")
    @Authenticated
    public Uni<Application> application(@Id @NonNull String id) {
        long key = Ids.parse(id, "application");
        return viewers.current().flatMap(viewer -> queries.one(viewer, key));
    }
}
