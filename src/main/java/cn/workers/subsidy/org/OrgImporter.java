package cn.workers.subsidy.org;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads what an {@link OrgImportPlan} needs, validates it and writes its steps, keeping every
 * unit's materialised path right (a moved unit takes its whole stored subtree along). Runs inside
 * the caller's transaction.
 */
@ApplicationScoped
class OrgImporter {

    private final OrgUnitRepository repo;

    OrgImporter(OrgUnitRepository repo) {
        this.repo = repo;
    }

    Uni<OrgImportResult> apply(OrgImportPlan plan) {
        return repo.findByCodes(plan.neededCodes())
                .flatMap(direct -> repo.findByIds(ancestorIds(direct)).map(ancestors -> {
                    List<OrgUnitEntity> all = new ArrayList<>(direct);
                    all.addAll(ancestors);
                    return all;
                }))
                .flatMap(known -> {
                    Map<String, OrgUnitEntity> byCode = new HashMap<>();
                    known.forEach(e -> byCode.put(e.code, e));
                    Map<Long, OrgUnitEntity> byId = byId(known);
                    return repo.childrenOf(plan.levelChanges(byCode))
                            .map(children -> plan.validate(byCode, byId, children))
                            .flatMap(steps -> write(steps, byCode, byId));
                });
    }

    private Uni<OrgImportResult> write(List<OrgImportPlan.Step> steps, Map<String, OrgUnitEntity> byCode, Map<Long, OrgUnitEntity> byId) {
        Map<String, Long> ids = new HashMap<>();
        Map<String, String> paths = new HashMap<>();
        byCode.forEach((code, e) -> {
            ids.put(code, e.id);
            paths.put(code, e.path);
        });
        int created = (int) steps.stream().filter(s -> s.existing() == null).count();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrgImportPlan.Step step : steps) {
            chain = chain.flatMap(ignored -> write(step, byId, ids, paths));
        }
        return chain.map(ignored -> new OrgImportResult(created, steps.size() - created));
    }

    private Uni<Void> write(OrgImportPlan.Step step, Map<Long, OrgUnitEntity> byId, Map<String, Long> ids, Map<String, String> paths) {
        OrgImportItem item = step.item();
        Long parentId = item.parentCode() == null ? null : ids.get(item.parentCode());
        String parentPath = item.parentCode() == null ? "/" : paths.get(item.parentCode());
        if (step.existing() == null) {
            return repo.insert(item.code(), item.name(), item.kind(), parentId, parentPath).invoke(id -> {
                ids.put(item.code(), id);
                paths.put(item.code(), parentPath + id + "/");
            }).replaceWithVoid();
        }
        long id = step.existing().id;
        Uni<Integer> update = repo.updateUnit(id, item.name(), item.kind(), parentId);
        if (!step.parentChanged(byId)) {
            return update.replaceWithVoid();
        }
        String oldPrefix = paths.get(item.code());
        String newPrefix = parentPath + id + "/";
        return update.flatMap(ignored -> repo.movePaths(oldPrefix, newPrefix)).invoke(ignored ->
                paths.replaceAll((code, path) -> path.startsWith(oldPrefix) ? newPrefix + path.substring(oldPrefix.length()) : path))
                .replaceWithVoid();
    }

    /** Ids of every ancestor of the given stored units (and their own), from their paths. */
    static Set<Long> ancestorIds(Iterable<OrgUnitEntity> units) {
        Set<Long> ids = new HashSet<>();
        for (OrgUnitEntity e : units) {
            for (String part : e.path.split("/")) {
                if (!part.isEmpty()) {
                    ids.add(Long.parseLong(part));
                }
            }
        }
        return ids;
    }

    private static Map<Long, OrgUnitEntity> byId(Iterable<OrgUnitEntity> units) {
        Map<Long, OrgUnitEntity> map = new HashMap<>();
        units.forEach(u -> map.put(u.id, u));
        return map;
    }
}
