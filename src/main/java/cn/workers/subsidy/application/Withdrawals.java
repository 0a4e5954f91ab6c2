package cn.workers.subsidy.application;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.Inputs;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.worker.WorkerService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A worker withdraws their own application any time before enrollment; an approved one gives its place back. */
@ApplicationScoped
public class Withdrawals {

    private final WorkerService workers;
    private final Lifecycle lifecycle;
    private final ApplicationConfig config;

    Withdrawals(WorkerService workers, Lifecycle lifecycle, ApplicationConfig config) {
        this.workers = workers;
        this.lifecycle = lifecycle;
        this.config = config;
    }

    @WithTransaction
    public Uni<Application> withdraw(Caller caller, long id, int expectedVersion, String reason) {
        String comment = Inputs.comment("reason", reason, config.maxComment());
        return workers.idOf(caller.subject()).flatMap(workerId -> {
            if (workerId == null) {
                throw DomainException.notFound("application " + id);
            }
            return lifecycle.lock(id, expectedVersion, a -> a.workerId.equals(workerId));
        }).flatMap(app -> lifecycle.withdraw(app, caller, comment)).map(Application::of);
    }
}
