package cn.workers.subsidy.worker;

import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.org.OrgUnit;
import cn.workers.subsidy.org.OrgUnitEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Loads many workers with their org units (two queries), in a session of its own. */
@ApplicationScoped
public class WorkerLoader {

    /** A worker in both forms; the caller picks what the viewer may see. */
    public record Loaded(WorkerEntity entity, OrgUnit orgUnit, WorkerViews views) {
        public Worker full() {
            return views.full(entity, orgUnit);
        }

        public Worker masked() {
            return views.masked(entity, orgUnit);
        }
    }

    private final Reads reads;
    private final WorkerViews views;

    WorkerLoader(Reads reads, WorkerViews views) {
        this.reads = reads;
        this.views = views;
    }

    public Uni<Map<Long, Loaded>> load(Collection<Long> workerIds) {
        Set<Long> ids = Set.copyOf(workerIds);
        return reads.read(s -> s.createQuery("from WorkerEntity where id in ?1", WorkerEntity.class).setParameter(1, ids).getResultList()
                .flatMap(workers -> s.createQuery("from OrgUnitEntity where id in ?1", OrgUnitEntity.class)
                        .setParameter(1, workers.stream().map(w -> w.orgUnitId).collect(Collectors.toSet())).getResultList()
                        .map(units -> {
                            Map<Long, OrgUnit> unitById = units.stream().collect(Collectors.toMap(u -> u.id, OrgUnit::of));
                            Map<Long, Loaded> out = new HashMap<>();
                            for (WorkerEntity w : workers) {
                                out.put(w.id, new Loaded(w, unitById.get(w.orgUnitId), views));
                            }
                            return out;
                        })));
    }
}
