package cn.workers.subsidy.disbursement;

import cn.workers.subsidy.common.db.Sql;
import cn.workers.subsidy.vocabulary.DisbursementStage;
import cn.workers.subsidy.vocabulary.DisbursementStatus;
import io.vertx.sqlclient.Row;

/** An instalment's columns and their mapping to a detached entity: for every native read of instalments, here or in finance's. */
public final class DisbursementRow {

    public static final String COLUMNS = "id, application_id, campaign_id, stage, amount_fen, status, created_at, paid_at, reference, paid_by";

    private DisbursementRow() {
    }

    /** A detached instalment from a row of {@link #COLUMNS} (under any table alias): changing it writes nothing. */
    public static DisbursementEntity of(Row r) {
        DisbursementEntity d = new DisbursementEntity();
        d.id = r.getLong("id");
        d.applicationId = r.getLong("application_id");
        d.campaignId = r.getLong("campaign_id");
        d.stage = Sql.enumOf(r, "stage", DisbursementStage.class);
        d.amountFen = r.getInteger("amount_fen");
        d.status = Sql.enumOf(r, "status", DisbursementStatus.class);
        d.createdAt = r.getOffsetDateTime("created_at");
        d.paidAt = r.getOffsetDateTime("paid_at");
        d.reference = r.getString("reference");
        d.paidBy = r.getString("paid_by");
        return d;
    }
}
