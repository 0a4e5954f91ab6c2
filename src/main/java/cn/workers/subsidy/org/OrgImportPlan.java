package cn.workers.subsidy.org;

import cn.workers.subsidy.common.error.Wording;

import cn.workers.subsidy.common.error.DomainException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.workers.subsidy.vocabulary.OrgUnitKind;
/**
 * Checks a bulk import of org units against the units already stored and orders the work, parents
 * before children. Pure: {@link OrgImporter} loads what it needs ({@link #neededCodes}, the
 * ancestors of those units, the children {@link #levelChanges} names) and applies the {@link Step}s.
 * Every refusal is VALIDATION naming the field.
 */
public final class OrgImportPlan {

    /** A unit to create ({@code existing} null) or to change. */
    public record Step(OrgImportItem item, OrgUnitEntity existing) {
        public boolean parentChanged(Map<Long, OrgUnitEntity> knownById) {
            return existing != null && !Objects.equals(item.parentCode(), codeOf(knownById, existing.parentId));
        }
    }

    private final Map<String, OrgImportItem> items;

    private OrgImportPlan(Map<String, OrgImportItem> items) {
        this.items = items;
    }

    /** Trims and checks each unit on its own, and that no code appears twice. */
    public static OrgImportPlan of(List<OrgUnitInput> units) {
        Map<String, OrgImportItem> items = new LinkedHashMap<>();
        for (OrgUnitInput u : units) {
            OrgImportItem item = OrgImportItem.of(u);
            if (items.put(item.code(), item) != null) {
                throw DomainException.validation("code", "org unit " + item.code() + " appears more than once");
            }
        }
        return new OrgImportPlan(items);
    }

    public Map<String, OrgImportItem> items() {
        return items;
    }

    /** The codes to look up: every unit of the import and every parent it names. */
    public Set<String> neededCodes() {
        Set<String> codes = new HashSet<>(items.keySet());
        items.values().stream().map(OrgImportItem::parentCode).filter(Objects::nonNull).forEach(codes::add);
        return codes;
    }

    /** Stored units of the import whose level changes: their stored children must be checked too. */
    public List<Long> levelChanges(Map<String, OrgUnitEntity> known) {
        List<Long> ids = new ArrayList<>();
        for (OrgImportItem item : items.values()) {
            OrgUnitEntity e = known.get(item.code());
            if (e != null && e.kind.depth() != item.kind().depth()) {
                ids.add(e.id);
            }
        }
        return ids;
    }

    /**
     * Validates the import against the stored units and returns the work in parents-first order,
     * leaving out units that would not change.
     *
     * @param known stored units by code: the import's units, the parents it names and their ancestors
     * @param knownById the same units by id
     * @param storedChildren stored children of the units named by {@link #levelChanges}
     */
    public List<Step> validate(Map<String, OrgUnitEntity> known, Map<Long, OrgUnitEntity> knownById, List<OrgUnitEntity> storedChildren) {
        for (OrgImportItem item : items.values()) {
            if (item.parentCode() != null && !items.containsKey(item.parentCode()) && !known.containsKey(item.parentCode())) {
                throw DomainException.validation("parentCode", "org unit " + item.code() + " names an unknown parent " + item.parentCode());
            }
        }
        checkNoCycle(known, knownById);
        for (OrgImportItem item : items.values()) {
            if (item.parentCode() != null) {
                OrgUnitKind parentKind = kindOf(item.parentCode(), known);
                if (item.kind().depth() != parentKind.depth() + 1) {
                    throw DomainException.validation("kind", Wording.a(item.kind()) + " cannot sit under the " + parentKind + " " + item.parentCode());
                }
            }
        }
        for (OrgUnitEntity child : storedChildren) {
            if (!items.containsKey(child.code)) {
                OrgUnitEntity parent = knownById.get(child.parentId);
                OrgImportItem changed = parent == null ? null : items.get(parent.code);
                if (changed != null && child.kind.depth() != changed.kind().depth() + 1) {
                    throw DomainException.validation("kind", "org unit " + changed.code() + " cannot become a " + changed.kind()
                            + ": its child " + child.code + " is a " + child.kind);
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        for (OrgImportItem item : items.values()) {
            OrgUnitEntity e = known.get(item.code());
            if (e == null || !e.name.equals(item.name()) || e.kind != item.kind()
                    || !Objects.equals(item.parentCode(), codeOf(knownById, e.parentId))) {
                steps.add(new Step(item, e));
            }
        }
        steps.sort(Comparator.comparingInt(s -> s.item().kind().depth()));
        return steps;
    }

    private void checkNoCycle(Map<String, OrgUnitEntity> known, Map<Long, OrgUnitEntity> knownById) {
        Set<String> reachesRoot = new HashSet<>();
        for (OrgImportItem item : items.values()) {
            Set<String> seen = new HashSet<>();
            String code = item.code();
            while (code != null && !reachesRoot.contains(code)) {
                if (!seen.add(code)) {
                    throw DomainException.validation("parentCode", "org unit " + item.code() + " would end up below itself");
                }
                code = parentOf(code, known, knownById);
            }
            reachesRoot.addAll(seen);
        }
    }

    private String parentOf(String code, Map<String, OrgUnitEntity> known, Map<Long, OrgUnitEntity> knownById) {
        OrgImportItem item = items.get(code);
        if (item != null) {
            return item.parentCode();
        }
        OrgUnitEntity e = known.get(code);
        return e == null ? null : codeOf(knownById, e.parentId);
    }

    private OrgUnitKind kindOf(String code, Map<String, OrgUnitEntity> known) {
        OrgImportItem item = items.get(code);
        return item != null ? item.kind() : known.get(code).kind;
    }

    static String codeOf(Map<Long, OrgUnitEntity> knownById, Long id) {
        if (id == null) {
            return null;
        }
        OrgUnitEntity e = knownById.get(id);
        return e == null ? null : e.code;
    }
}
