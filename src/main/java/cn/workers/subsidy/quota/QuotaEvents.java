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
                .put("allocated", pool.allocated).put("approved", pool.approved).encode());
    }
}
