package cn.workers.subsidy.quota;

import jakarta.validation.constraints.Positive;
import cn.workers.subsidy.vocabulary.Track;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Moves places between two pools of one campaign and track. */
@Input("TransferQuotaInput")
public record TransferQuotaInput(@Id @NonNull String campaignId, @NonNull Track track, @NonNull String fromOrgUnitCode,
        @NonNull String toOrgUnitCode, @NonNull @Positive int places) {
}
