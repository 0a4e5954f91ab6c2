package cn.workers.subsidy.api;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An Int outside the signed 32-bit range is refused with VALIDATION and the input's name, and changes
 * nothing: as a variable or as a literal, as an argument, an input object's field or a list's item. Each
 * value here was once wrapped silently (4294967303 became 7, 4294969323 became 2027, 4294967297 became 1): the
 * version, year and page size below would then have matched, so the refusal is not a coincidence of another rule.
 */
@QuarkusTest
class IntExactnessTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    private static final long WRAPS_TO_7 = (1L << 32) + 7;
    private static final long WRAPS_TO_2027 = (1L << 32) + 2027;
    private static final long WRAPS_TO_1 = (1L << 32) + 1;

    private static final List<String> SKILL_LEVELS = List.of("SKILL_5", "SKILL_4", "SKILL_3", "SKILL_2", "SKILL_1");

    /** The standards of every skill level as a literal, with {@code fen} for the last one. */
    private static String standards(long fen) {
        StringBuilder sb = new StringBuilder("[");
        for (String l : SKILL_LEVELS) {
            sb.append("{level: ").append(l).append(", maxSubsidyFen: ").append(l.equals("SKILL_1") ? fen : 100000).append("} ");
        }
        return sb.append("]").toString();
    }

    private static void assertRefused(JsonPath answer, String field) {
        assertEquals(1, answer.getList("errors").size(), answer.prettify());
        assertEquals("VALIDATION", answer.getString("errors[0].extensions.code"), answer.prettify());
        assertEquals(field, answer.getString("errors[0].extensions.field"), answer.prettify());
        assertNull(answer.get("data." + answer.getString("errors[0].path[0]")), answer.prettify());
    }

    private static JsonPath literal(String token, String document) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("query", document)).post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anArgumentThatWouldWrapToTheCurrentVersionIsRefused() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        long app = fx.application(w.worker(), w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        db.update("UPDATE application SET version = 7 WHERE id = ?", app);
        assertRefused(Gql.op("WithdrawApplication").as(w.workerToken()).var("id", "" + app).var("expectedVersion", WRAPS_TO_7).send(),
                "expectedVersion");
        assertRefused(literal(w.workerToken(), "mutation { withdrawApplication(id: \"" + app + "\", expectedVersion: " + WRAPS_TO_7
                + ") { id status } }"), "expectedVersion");
        assertEquals(List.of("SUBMITTED", 7), List.of(db.row("SELECT status, version FROM application WHERE id = ?", app)));
        // the range itself: 2^31 - 1 passes coercion (and is a stale version), 2^31 does not
        assertEquals("VERSION_CONFLICT", Gql.op("WithdrawApplication").as(w.workerToken()).var("id", "" + app)
                .var("expectedVersion", Integer.MAX_VALUE).errorCode());
        assertRefused(Gql.op("WithdrawApplication").as(w.workerToken()).var("id", "" + app).var("expectedVersion", 1L << 31).send(),
                "expectedVersion");
        assertRefused(Gql.op("WithdrawApplication").as(w.workerToken()).var("id", "" + app).var("expectedVersion", 7.5).send(),
                "expectedVersion");
        assertRefused(Gql.op("WithdrawApplication").as(w.workerToken()).var("id", "" + app).var("expectedVersion", "7").send(),
                "expectedVersion");
    }

    @Test
    void anInputFieldOrListItemOutOfRangeCreatesNothing() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        String admin = Tokens.TEST.admin("int-admin", w.tree().provinceCode());
        long campaigns = db.count("SELECT count(*) FROM campaign");
        Map<String, Object> input = campaign();
        input.put("year", WRAPS_TO_2027);
        assertRefused(Gql.op("CreateCampaign").as(admin).var("input", input).send(), "year");
        Map<String, Object> item = campaign();
        item.put("standards", SKILL_LEVELS.stream().map(l -> Map.of("level", l, "maxSubsidyFen",
                l.equals("SKILL_1") ? (1L << 32) + 100000 : 100000)).toList());
        assertRefused(Gql.op("CreateCampaign").as(admin).var("input", item).send(), "maxSubsidyFen");
        String opens = OffsetDateTime.now().plusDays(1).toString();
        String closes = OffsetDateTime.now().plusDays(30).toString();
        assertRefused(literal(admin, "mutation { createCampaign(input: {year: " + WRAPS_TO_2027 + ", name: \"溢出\", opensAt: \"" + opens
                + "\", closesAt: \"" + closes + "\", tracks: [SKILL], reviewStages: [CITY], standards: " + standards(100000) + "})"
                + " { id } }"), "year");
        assertRefused(literal(admin, "mutation { createCampaign(input: {year: 2027, name: \"溢出\", opensAt: \"" + opens
                + "\", closesAt: \"" + closes + "\", tracks: [SKILL], reviewStages: [CITY], standards: "
                + standards((1L << 32) + 100000) + "}) { id } }"), "maxSubsidyFen");
        assertEquals(campaigns, db.count("SELECT count(*) FROM campaign"), "no campaign was created");
    }

    @Test
    void aPageSizeOutOfRangeAnswersNoData() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        assertRefused(Gql.op("Courses").as(w.workerToken()).var("campaignId", "" + w.campaign()).var("first", WRAPS_TO_1).send(), "first");
        assertRefused(literal(w.workerToken(), "{ courses(campaignId: \"" + w.campaign() + "\", first: " + WRAPS_TO_1 + ") { totalCount } }"),
                "first");
        assertRefused(Gql.op("Courses").as(w.workerToken()).var("campaignId", "" + w.campaign()).var("first", -(1L << 31) - 1).send(), "first");
    }

    private static Map<String, Object> campaign() {
        Map<String, Object> in = new HashMap<>();
        in.put("year", 2027);
        in.put("name", "溢出测试");
        in.put("opensAt", OffsetDateTime.now().plusDays(1).toString());
        in.put("closesAt", OffsetDateTime.now().plusDays(30).toString());
        in.put("tracks", List.of("SKILL"));
        in.put("reviewStages", List.of("GRASSROOTS", "CITY"));
        in.put("standards", SKILL_LEVELS.stream().map(l -> Map.of("level", l, "maxSubsidyFen", 100000)).toList());
        return in;
    }
}
