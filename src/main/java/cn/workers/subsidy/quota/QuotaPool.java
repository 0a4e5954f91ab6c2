package cn.workers.subsidy.quota;

import cn.workers.subsidy.vocabulary.Track;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A pool as the API shows it; its org unit comes from a batched field. */
@Type("QuotaPool")
public record QuotaPool(@Id @NonNull String id, @NonNull Track track, @NonNull int allocated, @NonNull int approved,
        @NonNull int remaining, @Ignore Long orgUnitId, @Ignore Long campaignId) {

    public static QuotaPool of(QuotaPoolEntity e) {
        return e == null ? null : new QuotaPool(e.id.toString(), e.track, e.allocated, e.approved, e.remaining(), e.orgUnitId, e.campaignId);
    }
}
