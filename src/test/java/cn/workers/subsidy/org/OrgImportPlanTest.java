package cn.workers.subsidy.org;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.security.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.workers.subsidy.vocabulary.OrgUnitKind;
/** The import's rules without a database. */
class OrgImportPlanTest {

    private static OrgUnitEntity unit(long id, String code, OrgUnitKind kind, Long parentId, String path) {
        OrgUnitEntity e = new OrgUnitEntity();
        e.id = id;
        e.code = code;
        e.name = "工会 " + code;
        e.kind = kind;
        e.parentId = parentId;
        e.path = path;
        return e;
    }

    @Test
    void stepsComeParentsFirstAndUnchangedUnitsAreLeftOut() {
        OrgUnitEntity p = unit(1, "P", OrgUnitKind.PROVINCE, null, "/1/");
        OrgImportPlan plan = OrgImportPlan.of(List.of(
                new OrgUnitInput("G", "g", OrgUnitKind.GRASSROOTS, "T"),
                new OrgUnitInput("T", "t", OrgUnitKind.TOWNSHIP, "K"),
                new OrgUnitInput("K", "k", OrgUnitKind.COUNTY, "C"),
                new OrgUnitInput("C", "c", OrgUnitKind.CITY, "P"),
                new OrgUnitInput("P", "工会 P", OrgUnitKind.PROVINCE, null)));
        List<OrgImportPlan.Step> steps = plan.validate(Map.of("P", p), Map.of(1L, p), List.of());
        assertEquals(List.of("C", "K", "T", "G"), steps.stream().map(s -> s.item().code()).toList());
    }

    @Test
    void aCycleThroughStoredAncestorsIsFound() {
        OrgUnitEntity p = unit(1, "P", OrgUnitKind.PROVINCE, null, "/1/");
        OrgUnitEntity c = unit(2, "C", OrgUnitKind.CITY, 1L, "/1/2/");
        OrgUnitEntity k = unit(3, "K", OrgUnitKind.COUNTY, 2L, "/1/2/3/");
        OrgImportPlan plan = OrgImportPlan.of(List.of(new OrgUnitInput("C", "c", OrgUnitKind.CITY, "K")));
        DomainException e = assertThrows(DomainException.class,
                () -> plan.validate(Map.of("P", p, "C", c, "K", k), Map.of(1L, p, 2L, c, 3L, k), List.of()));
        assertEquals("parentCode", e.field());
        assertTrue(e.getMessage().contains("below itself"));
        assertEquals(Set.of(1L, 2L, 3L), OrgImporter.ancestorIds(List.of(k)));
    }

    @Test
    void theFirstProvinceMayBeImportedByItsOwnAdministratorOnly() {
        OrgImportPlan plan = OrgImportPlan.of(List.of(new OrgUnitInput("330000", "浙江省总工会", OrgUnitKind.PROVINCE, null)));
        Caller own = new Caller("a", Set.of("admin"), "330000", null);
        Caller other = new Caller("b", Set.of("admin"), "330100", null);
        assertTrue(OrgUnitService.bootstraps(own, plan, false));
        assertFalse(OrgUnitService.bootstraps(own, plan, true), "once a province exists, only its administrators import");
        assertFalse(OrgUnitService.bootstraps(other, plan, false));
    }
}
