package cn.workers.subsidy.application;

import cn.workers.subsidy.campaign.Campaign;
import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.common.graphql.Preloaded;
import cn.workers.subsidy.course.Course;
import cn.workers.subsidy.vocabulary.ReviewStage;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
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
        @Ignore boolean approvedOnce, @Ignore String orgPath, @Ignore Campaign loadedCampaign, @Ignore Course loadedCourse)
        implements Preloaded {

    public static Application of(ApplicationEntity a) {
        return new Application(a.id.toString(), a.status, a.currentStage, a.track, a.fromLevel, a.targetLevel, a.subsidyFen,
                a.version, a.submittedAt, a.updatedAt, a.campaignId, a.courseId, a.workerId, a.academyId, a.approvedAt != null, a.orgPath,
                null, null);
    }

    /**
     * The same application with its campaign and course as the service already read them in this
     * request (and the course's academy, when set): those fields then answer without a query.
     */
    public Application withLoaded(Campaign campaign, Course course) {
        return new Application(id, status, currentStage, track, fromLevel, targetLevel, subsidyFen, version, submittedAt, updatedAt,
                campaignId, courseId, workerId, academyId, approvedOnce, orgPath, campaign, course);
    }

    @Override
    public Object preloaded(String field) {
        return switch (field) {
            case "campaign" -> loadedCampaign;
            case "course" -> loadedCourse;
            default -> null;
        };
    }

    public long key() {
        return Long.parseLong(id);
    }
}
