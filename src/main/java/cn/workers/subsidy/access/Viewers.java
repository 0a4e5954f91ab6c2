package cn.workers.subsidy.access;

import cn.workers.subsidy.academy.AcademyEntity;
import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.org.OrgUnitEntity;
import cn.workers.subsidy.worker.WorkerEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;

import cn.workers.subsidy.vocabulary.Roles;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.access.Viewer;
/** Resolves the current request's {@link Viewer} once (in a session of its own) and keeps it for the request. */
@RequestScoped
public class Viewers {

    private final CurrentCaller callers;
    private final Reads reads;
    private Uni<Viewer> viewer;

    Viewers(CurrentCaller callers, Reads reads) {
        this.callers = callers;
        this.reads = reads;
    }

    public synchronized Uni<Viewer> current() {
        if (viewer == null) {
            Caller caller = callers.get();
            viewer = reads.read(s -> {
                Uni<Long> worker = !caller.has(Roles.WORKER) ? Uni.createFrom().nullItem()
                        : s.createQuery("from WorkerEntity where subject = ?1", WorkerEntity.class).setParameter(1, caller.subject())
                                .getSingleResultOrNull().map(w -> w == null ? null : w.id);
                return worker.flatMap(workerId -> (caller.orgUnitCode() == null ? Uni.createFrom().<OrgUnitEntity>nullItem()
                        : s.createQuery("from OrgUnitEntity where code = ?1", OrgUnitEntity.class).setParameter(1, caller.orgUnitCode())
                                .getSingleResultOrNull())
                        .flatMap(unit -> (caller.academyCode() == null ? Uni.createFrom().<AcademyEntity>nullItem()
                                : s.createQuery("from AcademyEntity where code = ?1", AcademyEntity.class)
                                        .setParameter(1, caller.academyCode()).getSingleResultOrNull())
                                .map(academy -> new Viewer(caller, workerId, unit == null ? null : unit.path,
                                        academy == null ? null : academy.id))));
            }).memoize().indefinitely();
        }
        return viewer;
    }
}
