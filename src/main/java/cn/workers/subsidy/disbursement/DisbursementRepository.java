package cn.workers.subsidy.disbursement;

import cn.workers.subsidy.common.db.Sql;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/**
 * Instalments. They are created by the application life cycle and paid only by the conditional update
 * here (PENDING → PAID once); the CHECK constraint ties PAID to a payment time and reference.
 */
@ApplicationScoped
public class DisbursementRepository implements PanacheRepository<DisbursementEntity> {

    private static final String COLUMNS = DisbursementRow.COLUMNS;

    private static final Sql.Query<DisbursementEntity> FOR_APPLICATIONS = Sql.query("SELECT " + COLUMNS + " FROM disbursement"
            + " WHERE application_id IN (SELECT CAST(jsonb_array_elements_text(CAST(CAST(#{ids} AS text) AS jsonb)) AS bigint)) ORDER BY id",
            DisbursementRow::of);

    /** The instalments of many applications in one query (the ids travel as one JSON parameter), as detached copies. */
    Uni<List<DisbursementEntity>> forApplications(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return FOR_APPLICATIONS.list(Sql.params("ids", new JsonArray(List.copyOf(applicationIds)).encode()));
    }

    // the campaign as the locked application gave it (V6: a trigger refuses any other)
    private static final Sql.Update CREATE_ALL = Sql.update("INSERT INTO disbursement (application_id, campaign_id, stage, amount_fen)"
            + " SELECT x.application_id, x.campaign_id, x.stage, x.amount_fen FROM jsonb_to_recordset(CAST(CAST(#{rows} AS text) AS jsonb))"
            + " AS x(application_id bigint, campaign_id bigint, stage text, amount_fen int)");

    /** Creates PENDING instalments in one statement, each under its application's campaign. */
    Uni<Integer> createAll(List<Instalments.Due> instalments) {
        if (instalments.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        JsonArray rows = new JsonArray();
        for (Instalments.Due i : instalments) {
            rows.add(new JsonObject().put("application_id", i.applicationId()).put("campaign_id", i.campaignId()).put("stage", i.stage().name())
                    .put("amount_fen", i.amountFen()));
        }
        return CREATE_ALL.execute(Sql.params("rows", rows.encode()));
    }

    private static final Sql.Query<DisbursementEntity> PAY = Sql.query("UPDATE disbursement SET status = 'PAID', paid_at = clock_timestamp(),"
            + " reference = #{reference}, paid_by = #{paidBy} WHERE id = #{id} AND status = 'PENDING' RETURNING " + COLUMNS,
            DisbursementRow::of);

    /**
     * Pays a PENDING instalment; null when it is not PENDING (any more). Concurrent payments of one
     * instalment queue on its row: the first pays, the others then find it PAID.
     */
    Uni<DisbursementEntity> pay(long id, String reference, String paidBy) {
        return PAY.oneOrNull(Sql.params("id", id, "reference", reference, "paidBy", paidBy));
    }

    private static final Sql.Query<DisbursementEntity> CURRENT = Sql.query("SELECT " + COLUMNS + " FROM disbursement WHERE id = #{id}",
            DisbursementRow::of);

    /** The instalment as stored now (a detached copy, never a stale one from the session). */
    Uni<DisbursementEntity> current(long id) {
        return CURRENT.oneOrNull(Sql.params("id", id));
    }
}
