package cn.workers.subsidy.org;

import cn.workers.subsidy.common.error.DomainException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a bulk import of org units against the units already stored and orders the work, parents
 * before children. Pure: the service loads what it needs ({@link #neededCodes}, then the ancestors and
 * children it asks for) and applies the {@link Step}s. Every refusal is VALIDATION naming the field.
 */
public final class OrgImportPlan {

    static final int MAX_CODE = 32;
    static final int MAX_NAME = 200;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /** One normalised input unit. */
    public record Item(String code, String name, OrgUnitKind kind, String parentCode) {
    }

    /** A unit to create ({@code existing} null) or to change. */
    public record Step(Item item, OrgUnitEntity existing) {
        public boolean parentChanged(Map<Long, OrgUnitEntity> knownById) {
            return existing != null && !Objects.equals(item.parentCode(), codeOf(knownById, existing.parentId));
        }
    }

    private final Map<String, Item> items;

    private OrgImportPlan(Map<String, Item> items) {
        this.items = items;
    }

    /** Trims and checks each unit on its own, and that no code appears twice. */
    public static OrgImportPlan of(List<OrgUnitInput> units) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (OrgUnitInput u : units) {
            Item item = normalise(u);
            if (items.put(item.code(), item) != null) {
                throw DomainException.validation("code", "org unit " + item.code() + " appears more than once");
            }
        }
        return new OrgImportPlan(items);
    }

    private static Item normalise(OrgUnitInput u) {
        String code = u.code() == null ? "" : u.code().strip();
        if (code.isEmpty() || code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
            throw DomainException.validation("code", "an org unit code is 1 to " + MAX_CODE + " letters, digits, '-', '_' or '.'");
        }
        String name = u.name() == null ? "" : u.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw DomainException.validation("name", "org unit " + code + " needs a name of at most " + MAX_NAME + " characters");
        }
        if (u.kind() == null) {
            throw DomainException.validation("kind", "org unit " + code + " needs a kind");
        }
        String parent = u.parentCode() == null || u.parentCode().isBlank() ? null : u.parentCode().strip();
        if (u.kind() == OrgUnitKind.PROVINCE && parent != null) {
            throw DomainException.validation("parentCode", "the PROVINCE unit " + code + " has no parent");
        }
        if (u.kind() != OrgUnitKind.PROVINCE && parent == null) {
            throw DomainException.validation("parentCode", "org unit " + code + " needs a parent");
        }
        return new Item(code, name, u.kind(), parent);
    }

    public Map<String, Item> items() {
        return items;
    }

    /** The codes to look up: every unit of the import and every parent it names. */
    public Set<String> neededCodes() {
        Set<String> codes = new HashSet<>(items.keySet());
        items.values().stream().map(Item::parentCode).filter(Objects::nonNull).forEach(codes::add);
        return codes;
    }

    /** Stored units of the import whose level changes: their stored children must be checked too. */
    public List<Long> levelChanges(Map<String, OrgUnitEntity> known) {
        List<Long> ids = new ArrayList<>();
        for (Item item : items.values()) {
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
        for (Item item : items.values()) {
            if (item.parentCode() != null && !items.containsKey(item.parentCode()) && !known.containsKey(item.parentCode())) {
                throw DomainException.validation("parentCode", "org unit " + item.code() + " names an unknown parent " + item.parentCode());
            }
        }
        checkNoCycle(known, knownById);
        for (Item item : items.values()) {
            if (item.parentCode() != null) {
                OrgUnitKind parentKind = kindOf(item.parentCode(), known);
                if (item.kind().depth() != parentKind.depth() + 1) {
                    throw DomainException.validation("kind", "a " + item.kind() + " cannot sit under the " + parentKind + " " + item.parentCode());
                }
            }
        }
        for (OrgUnitEntity child : storedChildren) {
            if (!items.containsKey(child.code)) {
                OrgUnitEntity parent = knownById.get(child.parentId);
                Item changed = parent == null ? null : items.get(parent.code);
                if (changed != null && child.kind.depth() != changed.kind().depth() + 1) {
                    throw DomainException.validation("kind", "org unit " + changed.code() + " cannot become a " + changed.kind()
                            + ": its child " + child.code + " is a " + child.kind);
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        for (Item item : items.values()) {
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
        for (Item item : items.values()) {
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
        Item item = items.get(code);
        if (item != null) {
            return item.parentCode();
        }
        OrgUnitEntity e = known.get(code);
        return e == null ? null : codeOf(knownById, e.parentId);
    }

    private OrgUnitKind kindOf(String code, Map<String, OrgUnitEntity> known) {
        Item item = items.get(code);
        return item != null ? item.kind() : known.get(code).kind;
    }

    static String codeOf(Map<Long, OrgUnitEntity> knownById, Long id) {
        if (id == null) {
            return null;
        }
        OrgUnitEntity e = knownById.get(id);
        return e == null ? null : e.code;
    }

    /** Ids of every ancestor of the given stored units, from their paths. */
    public static Set<Long> ancestorIds(Iterable<OrgUnitEntity> units) {
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

    /** Lookup maps over stored units. */
    public static Map<Long, OrgUnitEntity> byId(Iterable<OrgUnitEntity> units) {
        Map<Long, OrgUnitEntity> map = new HashMap<>();
        units.forEach(u -> map.put(u.id, u));
        return map;
    }
}
