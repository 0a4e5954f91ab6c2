package cn.workers.subsidy.course;

import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CoursesQueryTest {

    @Inject
    Fixtures fx;

    long campaign;
    String academyCode;
    List<Long> ids = new ArrayList<>();

    /** Seven courses in a fresh campaign: four SKILL_3 and three ASSOCIATE, from one academy. */
    @BeforeEach
    void world() {
        Fixtures.Tree t = fx.tree();
        campaign = fx.openCampaign("GRASSROOTS,CITY");
        long academy = fx.academy(t.city(), "BRANCH", fx.academy(t.province(), "HEADQUARTERS", null));
        academyCode = fx.academyCode(academy);
        for (int i = 0; i < 7; i++) {
            ids.add(i < 4 ? fx.course(campaign, academy, "SKILL", "SKILL_3", 300000 + i) : fx.course(campaign, academy, "EDUCATION", "ASSOCIATE", 500000));
        }
        fx.course(fx.openCampaign("CITY"), academy, "SKILL", "SKILL_3", 1000);
    }

    private JsonPath page(Integer first, String after, String track, String level) {
        return Gql.op("Courses").as(Tokens.TEST.worker(Fixtures.unique("w-"))).var("campaignId", String.valueOf(campaign))
                .varIfSet("first", first).varIfSet("after", after).varIfSet("track", track).varIfSet("targetLevel", level).send();
    }

    @Test
    void cursorsWalkEveryCourseOnceInIdOrder() {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            JsonPath r = page(3, after, null, null);
            assertNull(r.get("errors"), () -> r.prettify());
            assertEquals(7, r.getInt("data.courses.totalCount"));
            seen.addAll(r.getList("data.courses.edges.node.id"));
            more = r.getBoolean("data.courses.pageInfo.hasNextPage");
            after = r.getString("data.courses.pageInfo.endCursor");
            List<String> cursors = r.getList("data.courses.edges.cursor");
            assertEquals(after, cursors.get(cursors.size() - 1));
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(ids.stream().map(String::valueOf).toList(), seen);
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }

    @Test
    void nodesCarryTheirFieldsAndAcademy() {
        JsonPath r = page(null, null, "SKILL", "SKILL_3");
        assertEquals(4, r.getInt("data.courses.totalCount"));
        Map<String, Object> node = r.getMap("data.courses.edges[0].node");
        assertEquals(String.valueOf(ids.get(0)), node.get("id"));
        assertEquals("SKILL", node.get("track"));
        assertEquals("SKILL_3", node.get("targetLevel"));
        assertEquals(300000, node.get("tuitionFen"));
        assertEquals(100, node.get("capacity"));
        assertTrue(((String) node.get("startsOn")).matches("\\d{4}-\\d{2}-\\d{2}"));
        assertTrue(((String) node.get("externalCode")).startsWith("EXT-"));
        Map<?, ?> academy = (Map<?, ?>) node.get("academy");
        assertEquals(academyCode, academy.get("code"));
        assertEquals("BRANCH", academy.get("kind"));
        assertFalse(r.getBoolean("data.courses.pageInfo.hasNextPage"));
    }

    @Test
    void filtersByTrackAndLevel() {
        assertEquals(3, page(null, null, "EDUCATION", null).getInt("data.courses.totalCount"));
        assertEquals(3, page(null, null, null, "ASSOCIATE").getInt("data.courses.totalCount"));
        assertEquals(0, page(null, null, "EDUCATION", "MASTER").getList("data.courses.edges").size());
    }

    @Test
    void pageSizesAndCursorsAreChecked() {
        assertEquals("BATCH_TOO_LARGE", page(501, null, null, null).getString("errors[0].extensions.code"));
        assertEquals(7, page(500, null, null, null).getList("data.courses.edges").size());
        JsonPath zero = page(0, null, null, null);
        assertEquals("VALIDATION", zero.getString("errors[0].extensions.code"));
        assertEquals("first", zero.getString("errors[0].extensions.field"));
        assertEquals("VALIDATION", page(-1, null, null, null).getString("errors[0].extensions.code"));
        JsonPath junk = page(2, "not a cursor!", null, null);
        assertEquals("VALIDATION", junk.getString("errors[0].extensions.code"));
        assertEquals("after", junk.getString("errors[0].extensions.field"));
        assertEquals("NOT_FOUND", Gql.op("Courses").as(Tokens.TEST.worker("w")).var("campaignId", "424242424").errorCode());
    }

    @Test
    void everySignedInRoleReadsCourses() {
        for (String token : List.of(Tokens.TEST.reviewer("r", "X"), Tokens.TEST.finance("f", "X"), Tokens.TEST.academy("a", academyCode),
                Tokens.TEST.auditor("au", "X"), Tokens.TEST.admin("ad", "X"))) {
            assertEquals(7, Gql.op("Courses").as(token).var("campaignId", String.valueOf(campaign)).ok().getInt("data.courses.totalCount"));
        }
        assertEquals("UNAUTHENTICATED", Gql.op("Courses").var("campaignId", String.valueOf(campaign)).errorCode());
    }
}
