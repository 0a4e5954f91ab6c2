package cn.workers.subsidy.stats;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.common.db.SessionRows;
import cn.workers.subsidy.quota.QuotaPool;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Aggregates over a campaign inside one org subtree (org path prefix). */
@ApplicationScoped
public class StatsRepository {

    private static final String BY_STATUS = "SELECT status, count(*) FROM application WHERE campaign_id = $1"
            + " AND org_path LIKE $2 || '%' GROUP BY status ORDER BY status";

    /** Each pool in the subtree, with the cases of its track below it that are still in review. */
    private static final String BY_POOL = "SELECT p.id, p.track, p.allocated, p.approved, p.org_unit_id,"
            + " count(a.id) FILTER (WHERE a.status = 'SUBMITTED'), count(a.id) FILTER (WHERE a.status = 'IN_REVIEW')"
            + " FROM quota_pool p JOIN org_unit u ON u.id = p.org_unit_id"
            + " LEFT JOIN application a ON a.campaign_id = p.campaign_id AND a.track = p.track"
            + "   AND a.status IN ('SUBMITTED', 'IN_REVIEW') AND a.org_path LIKE u.path || '%'"
            + " WHERE p.campaign_id = $1 AND u.path LIKE $2 || '%'"
            + " GROUP BY p.id, p.track, p.allocated, p.approved, p.org_unit_id ORDER BY p.org_unit_id, p.track";

    public Uni<List<StatusCount>> byStatus(long campaignId, String orgPath) {
        return Panache.getSession().flatMap(s -> SessionRows.list(s, BY_STATUS, campaignId, orgPath))
                .map(rows -> rows.stream().map(r -> new StatusCount(ApplicationStatus.valueOf(r[0].toString()),
                        ((Number) r[1]).intValue())).toList());
    }

    public Uni<List<PoolStats>> byPool(long campaignId, String orgPath) {
        return Panache.getSession().flatMap(s -> SessionRows.list(s, BY_POOL, campaignId, orgPath))
                .map(rows -> rows.stream().map(r -> {
                    int allocated = ((Number) r[2]).intValue();
                    int approved = ((Number) r[3]).intValue();
                    QuotaPool pool = new QuotaPool(r[0].toString(), Track.valueOf(r[1].toString()), allocated, approved,
                            allocated - approved, ((Number) r[4]).longValue(), campaignId);
                    return new PoolStats(pool, ((Number) r[5]).intValue(), ((Number) r[6]).intValue());
                }).toList());
    }
}
