package cn.workers.subsidy.worker;

import cn.workers.subsidy.org.OrgUnit;
import cn.workers.subsidy.org.OrgUnitService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Workers as other features need them: found by the token's subject, or loaded in bulk for a list
 * of cases with both views at hand. Methods without a session annotation run in the caller's session.
 */
@ApplicationScoped
public class WorkerService {

    /** A worker in both forms; the caller picks what the viewer may see. */
    public record Loaded(WorkerEntity entity, OrgUnit orgUnit, WorkerViews views) {
        public Worker full() {
            return views.full(entity, orgUnit);
        }

        public Worker masked() {
            return views.masked(entity, orgUnit);
        }
    }

    private final WorkerRepository workers;
    private final OrgUnitService orgUnits;
    private final WorkerViews views;

    WorkerService(WorkerRepository workers, OrgUnitService orgUnits, WorkerViews views) {
        this.workers = workers;
        this.orgUnits = orgUnits;
        this.views = views;
    }

    /** The profile of the token's subject, or null when the worker has none yet. */
    public Uni<WorkerEntity> findBySubject(String subject) {
        return workers.findBySubject(subject);
    }

    /** The profile id of the token's subject, or null. */
    public Uni<Long> idOf(String subject) {
        return workers.idBySubject(subject);
    }

    /** The caller's own profile in its full form (with its union), or null. */
    public Uni<Worker> ownProfile(String subject) {
        return workers.findBySubject(subject).flatMap(w -> w == null ? Uni.createFrom().nullItem()
                : orgUnits.findById(w.orgUnitId).map(unit -> views.full(w, OrgUnit.of(unit))));
    }

    /** Many workers with their unions, by id: two queries whatever the number. */
    @WithSession
    public Uni<Map<Long, Loaded>> load(Collection<Long> workerIds) {
        return workers.findByIds(Set.copyOf(workerIds)).flatMap(found -> orgUnits.byIds(found.stream().map(w -> w.orgUnitId).toList())
                .map(units -> {
                    Map<Long, Loaded> out = new HashMap<>();
                    for (int i = 0; i < found.size(); i++) {
                        WorkerEntity w = found.get(i);
                        out.put(w.id, new Loaded(w, units.get(i), views));
                    }
                    return out;
                }));
    }
}
