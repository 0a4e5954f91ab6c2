package cn.workers.subsidy.campaign;

import cn.workers.subsidy.vocabulary.ReviewStage;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;
import java.util.List;

import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.vocabulary.CampaignStatus;
/** A programme year as the API shows it; its standards come from a batched field. */
@Type("Campaign")
public record Campaign(@Id @NonNull String id, @NonNull int year, @NonNull String name, @NonNull CampaignStatus status,
        @NonNull OffsetDateTime opensAt, @NonNull OffsetDateTime closesAt, @NonNull List<@NonNull Track> tracks,
        @NonNull List<@NonNull ReviewStage> reviewStages, Integer minAge, Integer maxAge, @NonNull int enrollmentSharePercent) {

    public static Campaign of(CampaignEntity e) {
        return of(e, e.status);
    }

    /** The campaign with {@code status} in place of the stored one (after a guarded status update). */
    public static Campaign of(CampaignEntity e, CampaignStatus status) {
        return e == null ? null : new Campaign(e.id.toString(), e.year, e.name, status, e.opensAt, e.closesAt, e.tracks(),
                e.reviewStages(), e.minAge, e.maxAge, e.enrollmentSharePercent);
    }
}
