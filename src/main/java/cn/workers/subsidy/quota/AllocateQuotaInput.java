package cn.workers.subsidy.quota;

import jakarta.validation.constraints.PositiveOrZero;
import cn.workers.subsidy.vocabulary.Track;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Sets the size of a pool, creating it if needed. */
@Input("AllocateQuotaInput")
public record AllocateQuotaInput(@Id @NonNull String campaignId, @NonNull String orgUnitCode, @NonNull Track track,
        @NonNull @PositiveOrZero int allocated) {
}
