package cn.workers.subsidy.application;

import cn.workers.subsidy.campaign.Level;
import cn.workers.subsidy.campaign.Track;
import cn.workers.subsidy.review.ReviewStage;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

/**
 * An application as the API shows it. Related objects (campaign, course, worker, history,
 * enrollment, instalments) are batched fields resolved by {@code ApplicationFieldsApi}, each
 * checked against the viewer.
 */
@Type("Application")
public record Application(@Id @NonNull String id, @NonNull ApplicationStatus status, ReviewStage currentStage,
        @NonNull Track track, Level fromLevel, @NonNull Level targetLevel, @NonNull int subsidyFen, @NonNull int version,
        @NonNull OffsetDateTime submittedAt, @NonNull OffsetDateTime updatedAt,
        @Ignore long campaignId, @Ignore long courseId, @Ignore long workerId, @Ignore long academyId,
        @Ignore boolean approvedOnce, @Ignore String orgPath) {

    public static Application of(ApplicationEntity a) {
        return new Application(a.id.toString(), a.status, a.currentStage, a.track, a.fromLevel, a.targetLevel, a.subsidyFen,
                a.version, a.submittedAt, a.updatedAt, a.campaignId, a.courseId, a.workerId, a.academyId, a.approvedAt != null, a.orgPath);
    }

    public long key() {
        return Long.parseLong(id);
    }
}
