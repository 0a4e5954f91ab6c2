package cn.workers.subsidy.campaign;

import cn.workers.subsidy.vocabulary.ReviewStage;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

import cn.workers.subsidy.vocabulary.Track;
/** A new campaign; {@code enrollmentSharePercent} defaults to 50, the ages are optional bounds. */
@Input("CampaignInput")
public record CampaignInput(@NonNull int year, @NonNull String name, @NonNull OffsetDateTime opensAt, @NonNull OffsetDateTime closesAt,
        @NonNull List<@NonNull Track> tracks, @NonNull List<@NonNull ReviewStage> reviewStages,
        @NonNull List<@NonNull SubsidyStandardInput> standards, Integer minAge, Integer maxAge, Integer enrollmentSharePercent) {
}
