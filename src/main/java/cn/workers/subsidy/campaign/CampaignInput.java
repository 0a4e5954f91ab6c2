package cn.workers.subsidy.campaign;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import cn.workers.subsidy.common.error.PlainText;
import cn.workers.subsidy.vocabulary.ReviewStage;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

import cn.workers.subsidy.vocabulary.Track;
/** A new campaign; {@code enrollmentSharePercent} defaults to 50, the ages are optional bounds. */
@Input("CampaignInput")
public record CampaignInput(@NonNull @Min(CampaignRules.MIN_YEAR) @Max(CampaignRules.MAX_YEAR) int year,
        @NonNull @PlainText(max = CampaignRules.MAX_NAME) String name, @NonNull OffsetDateTime opensAt, @NonNull OffsetDateTime closesAt,
        @NonNull List<@NonNull Track> tracks, @NonNull List<@NonNull ReviewStage> reviewStages,
        @NonNull List<@NonNull SubsidyStandardInput> standards, @Min(CampaignRules.MIN_AGE) @Max(CampaignRules.MAX_AGE) Integer minAge,
        @Min(CampaignRules.MIN_AGE) @Max(CampaignRules.MAX_AGE) Integer maxAge, @Min(0) @Max(100) Integer enrollmentSharePercent) {
}
