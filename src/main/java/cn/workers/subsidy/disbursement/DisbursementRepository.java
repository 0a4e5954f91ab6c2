package cn.workers.subsidy.disbursement;

import cn.workers.subsidy.common.db.SessionRows;
import cn.workers.subsidy.common.paging.Cursors;
import cn.workers.subsidy.common.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import cn.workers.subsidy.vocabulary.DisbursementStage;
import cn.workers.subsidy.vocabulary.DisbursementStatus;
/**
 * Instalments. They are created by the academy sync and paid only by the conditional update here
 * (PENDING → PAID once); the CHECK constraint ties PAID to a payment time and reference.
 */
@ApplicationScoped
public class DisbursementRepository implements PanacheRepository<DisbursementEntity> {

    /** The instalments of many applications in one query (the ids travel as one JSON parameter), as detached copies. */
    public Uni<List<DisbursementEntity>> forApplications(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String ids = new JsonArray(List.copyOf(applicationIds)).encode();
        return getSession().flatMap(s -> SessionRows.list(s, "SELECT" + COLUMNS + " FROM disbursement"
                        + " WHERE application_id IN (SELECT CAST(jsonb_array_elements_text(CAST(CAST($1 AS text) AS jsonb)) AS bigint))", ids))
                .map(rows -> rows.stream().map(DisbursementRepository::detached).toList());
    }

    // the campaign as the locked application gave it (V6: a trigger refuses any other)
    private static final String CREATE_ALL = "INSERT INTO disbursement (application_id, campaign_id, stage, amount_fen)"
            + " SELECT x.application_id, x.campaign_id, x.stage, x.amount_fen"
            + " FROM jsonb_to_recordset(CAST(CAST(?1 AS text) AS jsonb)) AS x(application_id bigint, campaign_id bigint, stage text, amount_fen int)";

    /** Creates PENDING instalments in one statement, each under its application's campaign. */
    public Uni<Integer> createAll(List<Instalments.Due> instalments) {
        if (instalments.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        JsonArray rows = new JsonArray();
        for (Instalments.Due i : instalments) {
            rows.add(new JsonObject().put("application_id", i.applicationId()).put("campaign_id", i.campaignId()).put("stage", i.stage().name())
                    .put("amount_fen", i.amountFen()));
        }
        return getSession().flatMap(s -> s.createNativeQuery(CREATE_ALL).setParameter(1, rows.encode()).executeUpdate());
    }

    private static final OffsetDateTime BEGINNING = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    // The campaign on the instalment itself (V6): disbursement_pending_campaign_idx reads this campaign's
    // PENDING rows in keyset order and no other campaign's. The application is joined for the caller's
    // scope (its org_path) only. 'PENDING' stays a literal: the partial index then serves generic plans too.
    private static final String PENDING = " FROM disbursement d JOIN application a ON a.id = d.application_id"
            + " WHERE d.status = 'PENDING' AND d.campaign_id = $1 AND a.org_path LIKE $2";

    /** A page of a campaign's unpaid instalments for cases under {@code orgPath}, oldest first (keyset on creation, id). */
    public Uni<List<DisbursementEntity>> pendingPage(long campaignId, String orgPath, PageRequest page) {
        String sql = "SELECT d.id, d.application_id, d.campaign_id, d.stage, d.amount_fen, d.status, d.created_at, d.paid_at, d.reference,"
                + " d.paid_by" + PENDING + " AND (d.created_at, d.id) > ($3, $4) ORDER BY d.created_at, d.id LIMIT $5";
        return getSession().flatMap(s -> SessionRows.list(s, sql, campaignId, orgPath + "%",
                        page.hasCursor() ? Cursors.time(page, 0) : BEGINNING, page.hasCursor() ? page.longKey(1) : 0L, (long) page.first() + 1))
                .map(rows -> rows.stream().map(DisbursementRepository::detached).toList());
    }

    public Uni<Long> pendingCount(long campaignId, String orgPath) {
        return getSession().flatMap(s -> SessionRows.oneOrNull(s, "SELECT count(*)" + PENDING, campaignId, orgPath + "%"))
                .map(r -> (Long) r[0]);
    }

    /** The org path of the case an instalment belongs to; null when there is no such instalment. */
    public Uni<String> casePath(long id) {
        return getSession().flatMap(s -> SessionRows.oneOrNull(s, "SELECT a.org_path FROM disbursement d JOIN application a"
                + " ON a.id = d.application_id WHERE d.id = $1", id)).map(r -> r == null ? null : (String) r[0]);
    }

    private static final String COLUMNS = " id, application_id, campaign_id, stage, amount_fen, status, created_at, paid_at, reference, paid_by";
    private static final String PAY = "UPDATE disbursement SET status = 'PAID', paid_at = clock_timestamp(), reference = $2, paid_by = $3"
            + " WHERE id = $1 AND status = 'PENDING' RETURNING" + COLUMNS;

    /**
     * Pays a PENDING instalment; null when it is not PENDING (any more). Concurrent payments of one
     * instalment queue on its row: the first pays, the others then find it PAID.
     */
    public Uni<DisbursementEntity> pay(long id, String reference, String paidBy) {
        return getSession().flatMap(s -> SessionRows.oneOrNull(s, PAY, id, reference, paidBy)).map(r -> r == null ? null : detached(r));
    }

    /** The instalment as stored now, read as scalars (a detached copy, never a stale one from the session). */
    public Uni<DisbursementEntity> current(long id) {
        return getSession().flatMap(s -> SessionRows.oneOrNull(s, "SELECT" + COLUMNS + " FROM disbursement WHERE id = $1", id))
                .map(r -> r == null ? null : detached(r));
    }

    private static DisbursementEntity detached(Object[] r) {
        DisbursementEntity d = new DisbursementEntity();
        d.id = ((Number) r[0]).longValue();
        d.applicationId = ((Number) r[1]).longValue();
        d.campaignId = ((Number) r[2]).longValue();
        d.stage = DisbursementStage.valueOf(r[3].toString());
        d.amountFen = ((Number) r[4]).intValue();
        d.status = DisbursementStatus.valueOf(r[5].toString());
        d.createdAt = (OffsetDateTime) r[6];
        d.paidAt = (OffsetDateTime) r[7];
        d.reference = (String) r[8];
        d.paidBy = (String) r[9];
        return d;
    }
}
