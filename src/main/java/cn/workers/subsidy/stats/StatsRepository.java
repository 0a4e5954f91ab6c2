package cn.workers.subsidy.stats;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.common.db.Sql;
import io.vertx.sqlclient.Row;
import cn.workers.subsidy.quota.QuotaPool;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Aggregates over a campaign inside one org subtree (org path prefix). */
@ApplicationScoped
public class StatsRepository {

    private static final Sql.Query<StatusCount> BY_STATUS = Sql.query("SELECT status, count(*) AS n FROM application"
            + " WHERE campaign_id = #{campaign} AND org_path LIKE #{subtree} || '%' GROUP BY status ORDER BY status",
            r -> new StatusCount(Sql.enumOf(r, "status", ApplicationStatus.class), r.getLong("n").intValue()));

    /** Each pool in the subtree, with the cases of its track below it that are still in review. */
    private static final Sql.Query<Row> BY_POOL = Sql.query("SELECT p.id, p.track, p.allocated, p.approved, p.org_unit_id, p.campaign_id,"
            + " count(a.id) FILTER (WHERE a.status = 'SUBMITTED') AS submitted, count(a.id) FILTER (WHERE a.status = 'IN_REVIEW') AS in_review"
            + " FROM quota_pool p JOIN org_unit u ON u.id = p.org_unit_id"
            + " LEFT JOIN application a ON a.campaign_id = p.campaign_id AND a.track = p.track"
            + "   AND a.status IN ('SUBMITTED', 'IN_REVIEW') AND a.org_path LIKE u.path || '%'"
            + " WHERE p.campaign_id = #{campaign} AND u.path LIKE #{subtree} || '%'"
            + " GROUP BY p.id, p.track, p.allocated, p.approved, p.org_unit_id ORDER BY p.org_unit_id, p.track", r -> r);

    public Uni<List<StatusCount>> byStatus(long campaignId, String orgPath) {
        return BY_STATUS.list(Sql.params("campaign", campaignId, "subtree", orgPath));
    }

    public Uni<List<PoolStats>> byPool(long campaignId, String orgPath) {
        return BY_POOL.list(Sql.params("campaign", campaignId, "subtree", orgPath)).map(rows -> rows.stream().map(r -> {
            int allocated = r.getInteger("allocated");
            int approved = r.getInteger("approved");
            QuotaPool pool = new QuotaPool(r.getLong("id").toString(), Sql.enumOf(r, "track", Track.class), allocated, approved,
                    allocated - approved, r.getLong("org_unit_id"), r.getLong("campaign_id"));
            return new PoolStats(pool, r.getLong("submitted").intValue(), r.getLong("in_review").intValue());
        }).toList());
    }

    /** Applications by status across the database (the business gauges). */
    private static final Sql.Query<StatusCount> ALL_BY_STATUS = Sql.query("SELECT status, count(*) AS n FROM application GROUP BY status",
            r -> new StatusCount(Sql.enumOf(r, "status", ApplicationStatus.class), r.getLong("n").intValue()));

    public Uni<List<StatusCount>> allByStatus() {
        return ALL_BY_STATUS.list(Sql.params());
    }

    /** Remaining places of every pool, with its campaign, unit code and track (the business gauges). */
    public record PoolRemaining(long campaignId, String orgUnitCode, String track, long remaining) {
    }

    private static final Sql.Query<PoolRemaining> ALL_REMAINING = Sql.query("SELECT p.campaign_id, u.code, p.track,"
            + " p.allocated - p.approved AS remaining FROM quota_pool p JOIN org_unit u ON u.id = p.org_unit_id",
            r -> new PoolRemaining(r.getLong("campaign_id"), r.getString("code"), r.getString("track"), r.getInteger("remaining")));

    public Uni<List<PoolRemaining>> allRemaining() {
        return ALL_REMAINING.list(Sql.params());
    }
}
