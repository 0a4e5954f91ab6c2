package cn.workers.subsidy.enrollment.api;

import cn.workers.subsidy.common.paging.Paging;
import cn.workers.subsidy.application.Application;
import cn.workers.subsidy.common.paging.Connection;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.vocabulary.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.OffsetDateTime;
import java.util.List;

import cn.workers.subsidy.enrollment.EnrollmentSync;
import cn.workers.subsidy.enrollment.SyncResult;
import cn.workers.subsidy.enrollment.AcademyFeed;
import cn.workers.subsidy.enrollment.EnrollmentEventInput;
import cn.workers.subsidy.enrollment.SyncMetrics;
/** Academies' systems: pull their approved applicants, push enrollment events back in batches. */
@GraphQLApi
public class AcademySyncApi {

    private final Paging paging;
    private final AcademyFeed feed;
    private final EnrollmentSync sync;
    private final SyncMetrics metrics;
    private final CurrentCaller caller;

    AcademySyncApi(AcademyFeed feed, EnrollmentSync sync, SyncMetrics metrics, CurrentCaller caller, Paging paging) {
        this.paging = paging;
        this.feed = feed;
        this.sync = sync;
        this.metrics = metrics;
        this.caller = caller;
    }

    @Query("academyApplications")
    @RolesAllowed(Roles.ACADEMY)
    @Description("The calling academy's applications that were ever approved, oldest change first, paged by (updatedAt, id). "
            + "Resume from the last endCursor: no change is missed or repeated.")
    public @NonNull Uni<Connection<Application>> academyApplications(OffsetDateTime updatedSince, Integer first, String after) {
        PageRequest page = paging.request(first, after);
        return feed.page(caller.get(), updatedSince, page);
    }

    @Mutation("syncEnrollments")
    @RolesAllowed(Roles.ACADEMY)
    @Description("Up to 1,000 enrollment events, each judged on its own; sending the same batch again changes nothing.")
    public @NonNull Uni<SyncResult> syncEnrollments(@NonNull List<@NonNull EnrollmentEventInput> items) {
        return sync.sync(caller.get(), items).invoke(metrics::record);
    }
}
