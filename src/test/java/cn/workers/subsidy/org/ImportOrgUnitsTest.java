package cn.workers.subsidy.org;

import cn.workers.subsidy.support.Callers;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.workers.subsidy.support.Inputs.orgUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ImportOrgUnitsTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    private String provinceAdmin(Fixtures.Tree t) {
        return Tokens.TEST.admin(Fixtures.unique("admin-"), t.provinceCode());
    }

    private JsonPath importUnits(String token, List<Map<String, Object>> units) {
        return Gql.op("ImportOrgUnits").as(token).var("units", units).send();
    }

    private String path(String code) {
        return (String) db.one("SELECT path FROM org_unit WHERE code = ?", code);
    }

    private long id(String code) {
        return ((Number) db.one("SELECT id FROM org_unit WHERE code = ?", code)).longValue();
    }

    private long count(List<String> codes) {
        return db.count("SELECT count(*) FROM org_unit WHERE code = ANY (?)", (Object) codes.toArray(new String[0]));
    }

    @Test
    void childrenListedBeforeParentsAreCreatedWithTheirPaths() {
        Fixtures.Tree t = fx.tree();
        String city = Fixtures.unique("IC");
        List<Map<String, Object>> units = List.of(
                orgUnit(city + "-G", "GRASSROOTS", city + "-T"),
                orgUnit(city + "-T", "TOWNSHIP", city + "-K"),
                orgUnit(city + "-K", "COUNTY", city),
                orgUnit(city, "CITY", t.provinceCode()),
                orgUnit(city + "-IU", "INDUSTRY_UNION", t.provinceCode()));

        JsonPath r = importUnits(provinceAdmin(t), units);
        assertNull(r.get("errors"), () -> r.prettify());
        assertEquals(5, r.getInt("data.importOrgUnits.created"));
        assertEquals(0, r.getInt("data.importOrgUnits.updated"));

        String provincePath = path(t.provinceCode());
        assertEquals(provincePath + id(city) + "/", path(city));
        assertEquals(path(city) + id(city + "-K") + "/" + id(city + "-T") + "/" + id(city + "-G") + "/", path(city + "-G"));

        JsonPath tree = Gql.op("OrgUnits").as(Tokens.TEST.worker(Fixtures.unique("w-"))).ok();
        List<Map<String, Object>> all = tree.getList("data.orgUnits");
        Map<String, Object> grassroots = all.stream().filter(u -> (city + "-G").equals(u.get("code"))).findFirst().orElseThrow();
        assertEquals("GRASSROOTS", grassroots.get("kind"));
        assertEquals(city + "-T", ((Map<?, ?>) grassroots.get("parent")).get("code"));
        assertEquals(String.valueOf(id(city + "-T")), ((Map<?, ?>) grassroots.get("parent")).get("id"));
        Map<String, Object> province = all.stream().filter(u -> t.provinceCode().equals(u.get("code"))).findFirst().orElseThrow();
        assertNull(province.get("parent"));
    }

    @Test
    void reimportIsIdempotentAndRenamesAreCounted() {
        Fixtures.Tree t = fx.tree();
        String admin = provinceAdmin(t);
        List<Map<String, Object>> units = List.of(orgUnit(t.cityCode(), "CITY", t.provinceCode()),
                orgUnit(t.countyCode(), "COUNTY", t.cityCode()));
        JsonPath same = importUnits(admin, units);
        assertEquals(0, same.getInt("data.importOrgUnits.created"));
        assertEquals(2, same.getInt("data.importOrgUnits.updated"), "fixture names differ from the import's names");

        JsonPath again = importUnits(admin, units);
        assertEquals(0, again.getInt("data.importOrgUnits.created"));
        assertEquals(0, again.getInt("data.importOrgUnits.updated"));
        assertEquals("工会 " + t.countyCode(), db.one("SELECT name FROM org_unit WHERE code = ?", t.countyCode()));
    }

    @Test
    void movingAUnitMovesItsWholeSubtree() {
        Fixtures.Tree a = fx.tree();
        Fixtures.Tree b = fx.treeUnder(a.province(), a.provinceCode());
        JsonPath r = importUnits(provinceAdmin(a), List.of(orgUnit(a.countyCode(), "COUNTY", b.cityCode())));
        assertEquals(1, r.getInt("data.importOrgUnits.updated"), () -> r.prettify());

        String countyPath = path(b.cityCode()) + a.county() + "/";
        assertEquals(countyPath, path(a.countyCode()));
        assertEquals(countyPath + a.township() + "/", path(a.townshipCode()));
        assertEquals(countyPath + a.township() + "/" + a.grassroots() + "/", path(a.grassrootsCode()));
        assertEquals(b.city(), ((Number) db.one("SELECT parent_id FROM org_unit WHERE code = ?", a.countyCode())).longValue());
    }

    @Test
    void unknownParentIsRefused() {
        Fixtures.Tree t = fx.tree();
        String code = Fixtures.unique("X");
        JsonPath r = importUnits(provinceAdmin(t), List.of(orgUnit(code, "CITY", t.provinceCode()),
                orgUnit(code + "-K", "COUNTY", "NO-SUCH-UNIT")));
        assertValidation(r, "parentCode");
        assertEquals(0, count(List.of(code, code + "-K")));
    }

    @Test
    void aKindMustSitExactlyOneLevelBelowItsParent() {
        Fixtures.Tree t = fx.tree();
        String code = Fixtures.unique("X");
        assertValidation(importUnits(provinceAdmin(t), List.of(orgUnit(code, "TOWNSHIP", t.cityCode()))), "kind");
        assertValidation(importUnits(provinceAdmin(t), List.of(orgUnit(code, "CITY", t.cityCode()))), "kind");
        assertValidation(importUnits(provinceAdmin(t), List.of(orgUnit(code, "GRASSROOTS", t.provinceCode()))), "kind");
        assertEquals(0, count(List.of(code)));
    }

    @Test
    void aUnitWithChildrenCannotChangeLevelAlone() {
        Fixtures.Tree t = fx.tree();
        JsonPath r = importUnits(provinceAdmin(t), List.of(orgUnit(t.countyCode(), "INDUSTRY_UNION", t.provinceCode())));
        assertValidation(r, "kind");
        assertEquals("COUNTY", db.one("SELECT kind FROM org_unit WHERE code = ?", t.countyCode()));
    }

    @Test
    void cyclesAreRefused() {
        Fixtures.Tree t = fx.tree();
        String admin = provinceAdmin(t);
        String x = Fixtures.unique("CY");
        String before = path(t.cityCode());
        assertValidation(importUnits(admin, List.of(orgUnit(x + "a", "COUNTY", x + "b"), orgUnit(x + "b", "COUNTY", x + "a"))), "parentCode");
        assertValidation(importUnits(admin, List.of(orgUnit(x + "s", "COUNTY", x + "s"))), "parentCode");
        // an existing city put below its own workplace union
        assertValidation(importUnits(admin, List.of(orgUnit(t.cityCode(), "CITY", t.grassrootsCode()))), "parentCode");
        assertEquals(0, count(List.of(x + "a", x + "b", x + "s")));
        assertEquals(before, path(t.cityCode()));
    }

    @Test
    void malformedListsAreRefused() {
        Fixtures.Tree t = fx.tree();
        String admin = provinceAdmin(t);
        String x = Fixtures.unique("M");
        assertValidation(importUnits(admin, List.of(orgUnit(x, "CITY", t.provinceCode()), orgUnit(x, "CITY", t.provinceCode()))), "code");
        assertValidation(importUnits(admin, List.of(orgUnit(x, "PROVINCE", t.provinceCode()))), "parentCode");
        assertValidation(importUnits(admin, List.of(orgUnit(x, "CITY", null))), "parentCode");
        assertValidation(importUnits(admin, List.of(orgUnit("has space", "CITY", t.provinceCode()))), "code");
        Map<String, Object> nameless = orgUnit(x, "CITY", t.provinceCode());
        nameless.put("name", "  ");
        assertValidation(importUnits(admin, List.of(nameless)), "name");
        assertEquals(0, count(List.of(x)));
    }

    @Test
    void onlyAProvinceAdministratorImports() {
        Fixtures.Tree t = fx.tree();
        String x = Fixtures.unique("F");
        List<Map<String, Object>> units = List.of(orgUnit(x, "COUNTY", t.cityCode()));
        assertEquals("FORBIDDEN", Gql.op("ImportOrgUnits").as(Tokens.TEST.admin(Fixtures.unique("a-"), t.cityCode())).var("units", units).errorCode());
        assertEquals("FORBIDDEN", Gql.op("ImportOrgUnits").as(Tokens.TEST.admin(Fixtures.unique("a-"), "NOWHERE-" + x)).var("units", units).errorCode());
        assertEquals("FORBIDDEN", Gql.op("ImportOrgUnits").as(Tokens.TEST.admin(Fixtures.unique("a-"), null)).var("units", units).errorCode());
        Callers.nonAdmins(t.provinceCode(), "ANY").forEach((role, token) ->
                assertEquals("FORBIDDEN", Gql.op("ImportOrgUnits").as(token).var("units", units).errorCode(), role));
        assertEquals("UNAUTHENTICATED", Gql.op("ImportOrgUnits").var("units", units).errorCode());
        assertEquals(0, count(List.of(x)));
    }

    @Test
    void anAdministratorOfAnUnknownUnitCannotStartASecondProvince() {
        fx.tree();
        String p = Fixtures.unique("NP");
        JsonPath r = importUnits(Tokens.TEST.admin(Fixtures.unique("a-"), p), List.of(orgUnit(p, "PROVINCE", null)));
        assertEquals("FORBIDDEN", r.getString("errors[0].extensions.code"));
        assertEquals(0, count(List.of(p)));
    }

    static void assertValidation(JsonPath r, String field) {
        assertEquals("VALIDATION", r.getString("errors[0].extensions.code"), () -> r.prettify());
        assertEquals(field, r.getString("errors[0].extensions.field"), () -> r.prettify());
        assertTrue(r.get("data") == null || r.get("data.importOrgUnits") == null);
    }
}
