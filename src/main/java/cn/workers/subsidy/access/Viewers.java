package cn.workers.subsidy.access;

import cn.workers.subsidy.academy.AcademyService;
import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.common.error.GraphQLRequestGuard;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.org.OrgUnitService;
import cn.workers.subsidy.vocabulary.Roles;
import cn.workers.subsidy.worker.WorkerService;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;

/**
 * Resolves the current request's {@link Viewer} once (in a session of its own) and keeps it for the request
 * (on the HTTP request's routing context as well: see {@link CurrentCaller}).
 */
@RequestScoped
public class Viewers {

    private final CurrentCaller callers;
    private final Reads reads;
    private final WorkerService workers;
    private final OrgUnitService orgUnits;
    private final AcademyService academies;
    private static final String VIEWER = Viewers.class.getName();

    private Uni<Viewer> viewer;

    Viewers(CurrentCaller callers, Reads reads, WorkerService workers, OrgUnitService orgUnits, AcademyService academies) {
        this.callers = callers;
        this.reads = reads;
        this.workers = workers;
        this.orgUnits = orgUnits;
        this.academies = academies;
    }

    public synchronized Uni<Viewer> current() {
        // kept on the HTTP request's routing context too: a resolver running after the client went away gets a
        // fresh CDI request context, and with it a new Viewers, but the same request
        RoutingContext request = GraphQLRequestGuard.currentRequest();
        if (viewer == null && request != null && request.get(VIEWER) instanceof Uni<?> known) {
            @SuppressWarnings("unchecked")
            Uni<Viewer> same = (Uni<Viewer>) known;
            viewer = same;
        }
        if (viewer == null) {
            Caller caller = callers.get();
            viewer = reads.inSession(() -> resolve(caller)).memoize().indefinitely();
            if (request != null) {
                request.put(VIEWER, viewer);
            }
        }
        return viewer;
    }

    private Uni<Viewer> resolve(Caller caller) {
        Uni<Long> worker = caller.has(Roles.WORKER) ? workers.idOf(caller.subject()) : Uni.createFrom().nullItem();
        return worker.flatMap(workerId -> (caller.orgUnitCode() == null ? Uni.createFrom().<String>nullItem()
                        : orgUnits.findByCode(caller.orgUnitCode()).map(unit -> unit == null ? null : unit.path))
                .flatMap(orgPath -> (caller.academyCode() == null ? Uni.createFrom().<Long>nullItem()
                        : academies.findByCode(caller.academyCode()).map(a -> a == null ? null : a.id))
                        .map(academyId -> new Viewer(caller, workerId, orgPath, academyId))));
    }
}
