package cn.workers.subsidy.payment;

import cn.workers.subsidy.common.db.Sql;
import cn.workers.subsidy.common.paging.Cursors;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.disbursement.DisbursementEntity;
import cn.workers.subsidy.disbursement.DisbursementRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What finance reads: instalments with their case's place in the org tree (joined for the officer's
 * scope). A read model over the disbursement and application tables; it writes nothing.
 */
@ApplicationScoped
public class PaymentRepository {

    private static final OffsetDateTime BEGINNING = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    // The campaign on the instalment itself (V6): disbursement_pending_campaign_idx reads this campaign's
    // PENDING rows in keyset order and no other campaign's. The application is joined for the caller's
    // scope (its org_path) only. 'PENDING' stays a literal: the partial index then serves generic plans too.
    private static final String PENDING = " FROM disbursement d JOIN application a ON a.id = d.application_id"
            + " WHERE d.status = 'PENDING' AND d.campaign_id = #{campaign} AND a.org_path LIKE #{scope}";

    private static final Sql.Query<DisbursementEntity> PENDING_PAGE = Sql.query("SELECT d.id, d.application_id, d.campaign_id, d.stage,"
            + " d.amount_fen, d.status, d.created_at, d.paid_at, d.reference, d.paid_by" + PENDING
            + " AND (d.created_at, d.id) > (#{afterTime}, #{afterId}) ORDER BY d.created_at, d.id LIMIT #{limit}", DisbursementRow::of);

    /** A page of a campaign's unpaid instalments for cases under {@code orgPath}, oldest first (keyset on creation, id). */
    public Uni<List<DisbursementEntity>> pendingPage(long campaignId, String orgPath, PageRequest page) {
        return PENDING_PAGE.list(Sql.params("campaign", campaignId, "scope", orgPath + "%",
                "afterTime", page.hasCursor() ? Cursors.time(page, 0) : BEGINNING, "afterId", page.hasCursor() ? page.longKey(1) : 0L,
                "limit", (long) page.first() + 1));
    }

    private static final Sql.Query<Long> PENDING_COUNT = Sql.query("SELECT count(*) AS n" + PENDING, r -> r.getLong("n"));

    public Uni<Long> pendingCount(long campaignId, String orgPath) {
        return PENDING_COUNT.oneOrNull(Sql.params("campaign", campaignId, "scope", orgPath + "%"));
    }

    private static final Sql.Query<String> CASE_PATH = Sql.query("SELECT a.org_path FROM disbursement d JOIN application a"
            + " ON a.id = d.application_id WHERE d.id = #{id}", r -> r.getString("org_path"));

    /** The org path of the case an instalment belongs to; null when there is no such instalment. */
    public Uni<String> casePath(long id) {
        return CASE_PATH.oneOrNull(Sql.params("id", id));
    }
}
