package cn.workers.subsidy.quota;

import cn.workers.subsidy.application.ApplicationEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/** Announces a pool's new figures with NOTIFY in the changing transaction (delivered on commit). */
public final class QuotaEvents {

    public static final String QUOTA_CHANGED = "quota_changed";

    private QuotaEvents() {
    }

    public static Uni<Void> changed(QuotaPoolEntity pool) {
        return ApplicationEvents.notify(QUOTA_CHANGED, new JsonObject().put("poolId", pool.id).put("campaignId", pool.campaignId)
                .put("orgUnitId", pool.orgUnitId).put("track", pool.track.name())
                .put("allocated", pool.allocated).put("approved", pool.approved).encode());
    }

    /** The pool's figures as they were committed, from a notification's payload. */
    public static QuotaPool fromPayload(JsonObject p) {
        int allocated = p.getInteger("allocated");
        int approved = p.getInteger("approved");
        return new QuotaPool(p.getLong("poolId").toString(), cn.workers.subsidy.campaign.Track.valueOf(p.getString("track")),
                allocated, approved, allocated - approved, p.getLong("orgUnitId"), p.getLong("campaignId"));
    }
}
