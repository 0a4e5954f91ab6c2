package cn.workers.subsidy.disbursement;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.DisbursementStage;
import cn.workers.subsidy.vocabulary.DisbursementStatus;
/** One instalment of a subsidy. */
@Type("Disbursement")
public record Disbursement(@Id @NonNull String id, @NonNull DisbursementStage stage, @NonNull int amountFen,
        @NonNull DisbursementStatus status, OffsetDateTime paidAt, String reference, @Ignore long applicationId) {

    public static Disbursement of(DisbursementEntity e) {
        return new Disbursement(e.id.toString(), e.stage, e.amountFen, e.status, e.paidAt, e.reference, e.applicationId);
    }
}
