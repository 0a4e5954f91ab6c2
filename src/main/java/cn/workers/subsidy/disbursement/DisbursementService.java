package cn.workers.subsidy.disbursement;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/**
 * Instalments: created by the application life cycle, paid exactly once (PENDING → PAID with a
 * reference, by the conditional update of {@link DisbursementRepository#pay}). Methods without a
 * session annotation run in the caller's session and transaction.
 */
@ApplicationScoped
public class DisbursementService {

    private final DisbursementRepository disbursements;

    DisbursementService(DisbursementRepository disbursements) {
        this.disbursements = disbursements;
    }

    /** Creates PENDING instalments, one statement whatever their number. */
    public Uni<Integer> createAll(List<Instalments.Due> instalments) {
        return disbursements.createAll(instalments);
    }

    /** The instalments of many applications, in one query. */
    public Uni<List<DisbursementEntity>> forApplications(Collection<Long> applicationIds) {
        return disbursements.forApplications(applicationIds);
    }

    /** PENDING → PAID with this reference; null when the instalment is not PENDING (any more). */
    public Uni<DisbursementEntity> pay(long id, String reference, String paidBy) {
        return disbursements.pay(id, reference, paidBy);
    }

    /** The instalment as stored now, or null. */
    public Uni<DisbursementEntity> current(long id) {
        return disbursements.current(id);
    }
}
