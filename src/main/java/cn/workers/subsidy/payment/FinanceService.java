package cn.workers.subsidy.payment;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.common.error.Inputs;
import cn.workers.subsidy.common.paging.Connection;
import cn.workers.subsidy.common.paging.PageRequest;
import cn.workers.subsidy.vocabulary.OrgPaths;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import cn.workers.subsidy.disbursement.DisbursementService;
import cn.workers.subsidy.disbursement.Disbursement;
/**
 * Finance officers pay the instalments of cases under their union (the province's see all): each
 * PENDING instalment becomes PAID exactly once, with the payment reference.
 */
@ApplicationScoped
public class FinanceService {

    private final OrgUnitService orgUnits;
    private final DisbursementService disbursements;
    private final PaymentRepository payments;

    FinanceService(OrgUnitService orgUnits, DisbursementService disbursements, PaymentRepository payments) {
        this.orgUnits = orgUnits;
        this.disbursements = disbursements;
        this.payments = payments;
    }

    @WithSession
    public Uni<Connection<Disbursement>> pending(Caller caller, long campaignId, PageRequest page) {
        return scope(caller).flatMap(path -> payments.pendingPage(campaignId, path, page)
                .flatMap(rows -> payments.pendingCount(campaignId, path)
                        .map(total -> Connection.of(rows, page, total.intValue(), d -> PageRequest.encode(d.createdAt, d.id),
                                Disbursement::of))));
    }

    /**
     * PENDING → PAID with this reference. Paying again with the same reference answers the
     * instalment unchanged; another reference is ILLEGAL_TRANSITION; outside the caller's scope NOT_FOUND.
     */
    @WithTransaction
    public Uni<Disbursement> markPaid(Caller caller, long id, String reference) {
        String ref = Inputs.text("reference", reference, 100);
        return scope(caller).flatMap(path -> payments.casePath(id).map(casePath -> {
            if (!OrgPaths.within(casePath, path)) {
                throw DomainException.notFound("disbursement " + id);
            }
            return casePath;
        })).flatMap(x -> disbursements.pay(id, ref, caller.subject())).flatMap(paid -> paid != null ? Uni.createFrom().item(paid)
                : disbursements.current(id).map(d -> {
                    if (!ref.equals(d.reference)) {
                        throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, "the instalment was already paid under another reference");
                    }
                    return d;
                })).map(Disbursement::of);
    }

    private Uni<String> scope(Caller caller) {
        return orgUnits.scopeOf(caller).map(unit -> unit.path);
    }
}
