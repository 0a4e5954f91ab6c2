package cn.workers.subsidy.course;

import cn.workers.subsidy.support.Callers;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.workers.subsidy.support.Inputs.course;
import static cn.workers.subsidy.support.Inputs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CreateCourseTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    Fixtures.Tree t;
    long campaign;
    String hq;
    String branch;
    String otherBranch;
    String college;

    @BeforeEach
    void world() {
        t = fx.tree();
        campaign = fx.openCampaign("GRASSROOTS,CITY");
        long hqId = fx.academy(t.province(), "HEADQUARTERS", null);
        hq = fx.academyCode(hqId);
        branch = fx.academyCode(fx.academy(t.city(), "BRANCH", hqId));
        long otherHq = fx.academy(t.province(), "HEADQUARTERS", null);
        otherBranch = fx.academyCode(fx.academy(t.city(), "BRANCH", otherHq));
        college = fx.academyCode(fx.academy(t.city(), "COLLEGE", null));
    }

    private JsonPath create(String token, Map<String, Object> input) {
        return Gql.op("CreateCourse").as(token).var("input", input).send();
    }

    private void assertCreated(String token, Map<String, Object> input) {
        JsonPath r = create(token, input);
        assertEquals(input.get("externalCode"), r.getString("data.createCourse.externalCode"), () -> r.prettify());
        long id = Long.parseLong(r.getString("data.createCourse.id"));
        assertEquals(input.get("academyCode"), db.one("SELECT a.code FROM course c JOIN academy a ON a.id = c.academy_id WHERE c.id = ?", id));
    }

    private void assertRefused(String token, Map<String, Object> input, String code, String field) {
        long before = db.count("SELECT count(*) FROM course WHERE campaign_id = ?", campaign);
        JsonPath r = create(token, input);
        assertEquals(code, r.getString("errors[0].extensions.code"), () -> r.prettify());
        assertEquals(field, r.getString("errors[0].extensions.field"), () -> r.prettify());
        assertEquals(before, db.count("SELECT count(*) FROM course WHERE campaign_id = ?", campaign));
    }

    @Test
    void adminsOfferCoursesForAnyAcademy() {
        assertCreated(Tokens.TEST.admin(Fixtures.unique("a-"), t.provinceCode()), course(campaign, branch, "EDUCATION", "ASSOCIATE"));
        assertCreated(Tokens.TEST.admin(Fixtures.unique("a-"), t.cityCode()), course(campaign, college, "SKILL", "SKILL_3"));
    }

    @Test
    void anAcademyOffersForItselfAndHeadquartersForItsBranches() {
        assertCreated(Tokens.TEST.academy(Fixtures.unique("c-"), branch), course(campaign, branch, "SKILL", "SKILL_4"));
        assertCreated(Tokens.TEST.academy(Fixtures.unique("c-"), hq), course(campaign, hq, "EDUCATION", "BACHELOR"));
        assertCreated(Tokens.TEST.academy(Fixtures.unique("c-"), hq), course(campaign, branch, "EDUCATION", "MASTER"));
    }

    @Test
    void anAcademyCannotOfferForOthers() {
        assertRefused(Tokens.TEST.academy(Fixtures.unique("c-"), branch), course(campaign, hq, "SKILL", "SKILL_4"), "FORBIDDEN", null);
        assertRefused(Tokens.TEST.academy(Fixtures.unique("c-"), hq), course(campaign, otherBranch, "SKILL", "SKILL_4"), "FORBIDDEN", null);
        assertRefused(Tokens.TEST.academy(Fixtures.unique("c-"), college), course(campaign, branch, "SKILL", "SKILL_4"), "FORBIDDEN", null);
        assertRefused(Tokens.TEST.academy(Fixtures.unique("c-"), "NO-SUCH-ACADEMY"), course(campaign, branch, "SKILL", "SKILL_4"), "FORBIDDEN", null);
        Callers.nonAdmins(t.provinceCode(), branch).forEach((role, token) -> {
            if (!role.equals("academy")) {
                assertRefused(token, course(campaign, branch, "SKILL", "SKILL_4"), "FORBIDDEN", null);
            }
        });
        assertRefused(null, course(campaign, branch, "SKILL", "SKILL_4"), "UNAUTHENTICATED", null);
    }

    @Test
    void theCourseMustFitItsCampaign() {
        String admin = Tokens.TEST.admin(Fixtures.unique("a-"), t.provinceCode());
        Map<String, Object> ok = course(campaign, branch, "EDUCATION", "ASSOCIATE");
        assertRefused(admin, with(ok, "targetLevel", "SKILL_2"), "VALIDATION", "targetLevel");
        assertRefused(admin, with(ok, "track", "SKILL"), "VALIDATION", "targetLevel");
        assertRefused(admin, with(ok, "tuitionFen", 0), "VALIDATION", "tuitionFen");
        assertRefused(admin, with(ok, "capacity", -3), "VALIDATION", "capacity");
        assertRefused(admin, with(ok, "name", ""), "VALIDATION", "name");
        assertRefused(admin, with(ok, "externalCode", " "), "VALIDATION", "externalCode");
        assertRefused(admin, with(ok, "academyCode", "NO-SUCH-ACADEMY"), "VALIDATION", "academyCode");
        assertRefused(admin, with(ok, "campaignId", "987654321"), "NOT_FOUND", null);

        db.update("UPDATE campaign SET tracks = 'SKILL' WHERE id = ?", campaign);
        assertRefused(admin, ok, "VALIDATION", "track");
    }

    @Test
    void anExternalCodeIsUniquePerAcademyAndCampaign() {
        String admin = Tokens.TEST.admin(Fixtures.unique("a-"), t.provinceCode());
        Map<String, Object> first = course(campaign, branch, "EDUCATION", "ASSOCIATE");
        assertCreated(admin, first);
        assertRefused(admin, with(first, "targetLevel", "BACHELOR"), "VALIDATION", "externalCode");
        assertCreated(admin, with(first, "academyCode", college));
        long other = fx.openCampaign("CITY");
        assertCreated(admin, with(first, "campaignId", String.valueOf(other)));
    }
}
