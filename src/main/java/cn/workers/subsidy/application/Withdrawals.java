package cn.workers.subsidy.application;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.Inputs;
import cn.workers.subsidy.vocabulary.LedgerReason;
import cn.workers.subsidy.quota.QuotaPoolRepository;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.worker.WorkerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
/** A worker withdraws their own application any time before enrollment; an approved one gives its place back. */
@ApplicationScoped
public class Withdrawals {

    private final WorkerRepository workers;
    private final Transitions transitions;
    private final QuotaPoolRepository pools;

    Withdrawals(WorkerRepository workers, Transitions transitions, QuotaPoolRepository pools) {
        this.workers = workers;
        this.transitions = transitions;
        this.pools = pools;
    }

    @WithTransaction
    public Uni<Application> withdraw(Caller caller, long id, int expectedVersion, String reason) {
        String comment = Inputs.comment("reason", reason, 2000);
        return workers.findBySubject(caller.subject()).flatMap(worker -> {
            if (worker == null) {
                throw DomainException.notFound("application " + id);
            }
            return transitions.lockForChange(id, expectedVersion, a -> a.workerId.equals(worker.id));
        }).flatMap(app -> {
            ApplicationStatus to = StateMachine.next(app.status, Action.WITHDRAW, false);
            // the place goes back first, while the case is unchanged; transitions.apply then writes the case without its place
            Uni<?> place = app.quotaPoolId == null ? Uni.createFrom().voidItem()
                    : pools.givePlaceBack(app.quotaPoolId, app.id, caller.subject(), LedgerReason.WITHDRAW);
            return place.flatMap(x -> {
                app.quotaPoolId = null;
                return transitions.apply(app, Action.WITHDRAW, to, null, null, caller, comment);
            });
        }).map(Application::of);
    }
}
