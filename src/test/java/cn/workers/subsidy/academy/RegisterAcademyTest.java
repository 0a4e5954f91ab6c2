package cn.workers.subsidy.academy;

import cn.workers.subsidy.support.Callers;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static cn.workers.subsidy.support.Inputs.academy;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RegisterAcademyTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    private JsonPath register(String token, Map<String, Object> input) {
        return Gql.op("RegisterAcademy").as(token).var("input", input).send();
    }

    private void assertRefused(String token, Map<String, Object> input, String code, String field) {
        JsonPath r = register(token, input);
        assertEquals(code, r.getString("errors[0].extensions.code"), () -> r.prettify());
        assertEquals(field, r.getString("errors[0].extensions.field"), () -> r.prettify());
        assertEquals(0L, db.count("SELECT count(*) FROM academy WHERE code = ?", input.get("code")));
    }

    @Test
    void headquartersBranchesTrainingBasesAndColleges() {
        Fixtures.Tree t = fx.tree();
        String admin = Tokens.TEST.admin(Fixtures.unique("admin-"), t.provinceCode());
        String hq = Fixtures.unique("HQ");
        JsonPath r = register(admin, academy(hq, "HEADQUARTERS", null, t.provinceCode()));
        assertEquals(hq, r.getString("data.registerAcademy.code"));
        assertEquals("HEADQUARTERS", r.getString("data.registerAcademy.kind"));
        assertEquals("工匠学院 " + hq, r.getString("data.registerAcademy.name"));
        long hqId = Long.parseLong(r.getString("data.registerAcademy.id"));

        JsonPath branch = register(admin, academy(hq + "-HZ", "BRANCH", hq, t.cityCode()));
        assertEquals("BRANCH", branch.getString("data.registerAcademy.kind"), () -> branch.prettify());
        assertEquals(hqId, ((Number) db.one("SELECT parent_id FROM academy WHERE code = ?", hq + "-HZ")).longValue());
        assertEquals(t.city(), ((Number) db.one("SELECT org_unit_id FROM academy WHERE code = ?", hq + "-HZ")).longValue());

        assertEquals("TRAINING_BASE", register(admin, academy(hq + "-TB", "TRAINING_BASE", hq + "-HZ", t.countyCode()))
                .getString("data.registerAcademy.kind"));
        assertEquals("COLLEGE", register(admin, academy(Fixtures.unique("COL"), "COLLEGE", null, t.provinceCode()))
                .getString("data.registerAcademy.kind"));
    }

    @Test
    void parentsAndOrgUnitsAreChecked() {
        Fixtures.Tree t = fx.tree();
        String admin = Tokens.TEST.admin(Fixtures.unique("admin-"), t.provinceCode());
        String hq = Fixtures.unique("HQ");
        register(admin, academy(hq, "HEADQUARTERS", null, t.provinceCode()));
        register(admin, academy(hq + "-B", "BRANCH", hq, t.cityCode()));
        String x = Fixtures.unique("X");
        assertRefused(admin, academy(x, "BRANCH", null, t.cityCode()), "VALIDATION", "parentCode");
        assertRefused(admin, academy(x, "BRANCH", hq + "-B", t.cityCode()), "VALIDATION", "parentCode");
        assertRefused(admin, academy(x, "BRANCH", "NO-SUCH-ACADEMY", t.cityCode()), "VALIDATION", "parentCode");
        assertRefused(admin, academy(x, "HEADQUARTERS", hq, t.cityCode()), "VALIDATION", "parentCode");
        assertRefused(admin, academy(x, "TRAINING_BASE", null, "NO-SUCH-UNIT"), "VALIDATION", "orgUnitCode");
        assertRefused(admin, academy("bad code", "COLLEGE", null, t.cityCode()), "VALIDATION", "code");
        Map<String, Object> nameless = academy(x, "COLLEGE", null, t.cityCode());
        nameless.put("name", " ");
        assertRefused(admin, nameless, "VALIDATION", "name");

        JsonPath again = register(admin, academy(hq, "HEADQUARTERS", null, t.cityCode()));
        assertEquals("VALIDATION", again.getString("errors[0].extensions.code"));
        assertEquals("code", again.getString("errors[0].extensions.field"));
        assertEquals(1L, db.count("SELECT count(*) FROM academy WHERE code = ?", hq));
    }

    @Test
    void onlyAProvinceAdministratorRegisters() {
        Fixtures.Tree t = fx.tree();
        Map<String, Object> input = academy(Fixtures.unique("HQ"), "HEADQUARTERS", null, t.cityCode());
        Map<String, String> denied = new LinkedHashMap<>(Callers.nonAdmins(t.provinceCode(), "ZJGJ"));
        denied.put("city admin", Tokens.TEST.admin(Fixtures.unique("a-"), t.cityCode()));
        denied.forEach((who, token) -> assertRefused(token, input, "FORBIDDEN", null));
        assertRefused(null, input, "UNAUTHENTICATED", null);
    }
}
