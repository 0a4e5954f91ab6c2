package cn.workers.subsidy.stats;

import cn.workers.subsidy.quota.QuotaPool;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A pool's figures with the cases still in review that it will be drawn on for. */
@Type("PoolStats")
public record PoolStats(@NonNull QuotaPool pool, @NonNull int submitted, @NonNull int inReview) {
}
