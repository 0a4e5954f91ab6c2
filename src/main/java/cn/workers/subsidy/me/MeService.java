package cn.workers.subsidy.me;

import cn.workers.subsidy.academy.Academy;
import cn.workers.subsidy.academy.AcademyService;
import cn.workers.subsidy.org.OrgUnit;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.vocabulary.Roles;
import cn.workers.subsidy.worker.Worker;
import cn.workers.subsidy.worker.WorkerService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class MeService {

    private final OrgUnitService orgUnits;
    private final AcademyService academies;
    private final WorkerService workers;

    MeService(OrgUnitService orgUnits, AcademyService academies, WorkerService workers) {
        this.orgUnits = orgUnits;
        this.academies = academies;
        this.workers = workers;
    }

    /** Resolves the caller's scope claims to objects, one query after the other in one session. */
    @WithSession
    public Uni<Me> me(Caller caller) {
        List<String> roles = caller.roles().stream().sorted().toList();
        Uni<OrgUnit> orgUnit = caller.orgUnitCode() == null ? Uni.createFrom().nullItem()
                : orgUnits.findByCode(caller.orgUnitCode()).map(OrgUnit::of);
        return orgUnit.flatMap(unit -> academy(caller).flatMap(academy -> worker(caller)
                .map(worker -> new Me(caller.subject(), roles, unit, academy, worker))));
    }

    private Uni<Academy> academy(Caller caller) {
        return caller.academyCode() == null ? Uni.createFrom().nullItem()
                : academies.findByCode(caller.academyCode()).map(Academy::of);
    }

    private Uni<Worker> worker(Caller caller) {
        if (!caller.has(Roles.WORKER)) {
            return Uni.createFrom().nullItem();
        }
        return workers.ownProfile(caller.subject());
    }
}
