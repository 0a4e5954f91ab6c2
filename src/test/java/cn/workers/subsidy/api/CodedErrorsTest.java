package cn.workers.subsidy.api;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every error answer carries a contract code and goes through the one error-shaping place: a document that
 * does not parse (an unfinished one, a NUL byte in it), a DateTime that is no date-time inside an input object
 * (one VALIDATION error naming the field, not a Java class and an INTERNAL). None names a Java class, prints a
 * syntax-tree node such as {@code StringValue{...}}, or a stack frame.
 */
@QuarkusTest
class CodedErrorsTest {

    private static final Pattern INTERNALS = Pattern.compile("Value\\{|Exception|SRGQL|Unknown Scalar Type|DataFetchingException|\\tat |"
            + "\\b(java|javax|jakarta|io|org|com|cn|graphql)\\.[a-z]+\\.");

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    static void assertNoInternals(String body) {
        Matcher m = INTERNALS.matcher(body);
        assertFalse(m.find(), () -> "the answer shows internals (" + m.group() + "): " + body);
    }

    static double validationErrorsCounted() {
        Matcher m = Pattern.compile("(?m)^subsidy_graphql_errors_total\\{code=\"VALIDATION\"[^}]*} ([0-9.E+]+)$")
                .matcher(RestAssured.get("/q/metrics").asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static Response post(String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token).body(body).post("/graphql");
    }

    @Test
    void aDocumentThatDoesNotParseIsAValidationErrorAndCounted() {
        String token = Tokens.TEST.worker("coded-errors-worker");
        for (String document : List.of("{ me { subject ", "{ me { sub\u0000ject } }", "\u0000", "query { me { subject } } }",
                "mutation { submitApplication(input: {campaignId: \"1\" ", "{ me { subject } } fragment")) {
            double before = validationErrorsCounted();
            Response r = post(token, document, null);
            assertEquals(200, r.statusCode(), r.asString());
            assertNoInternals(r.asString());
            assertEquals("VALIDATION", r.jsonPath().getString("errors[0].extensions.code"), r.asString());
            assertEquals(1, r.jsonPath().getList("errors").size(), r.asString());
            assertNull(r.jsonPath().get("data"));
            assertEquals(before + 1, validationErrorsCounted(), "counted in subsidy_graphql_errors_total: " + document);
        }
    }

    @Test
    void aBadDateTimeInsideAnInputObjectIsOneValidationErrorNamingTheField() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        String admin = Tokens.TEST.admin("coded-errors-admin", w.tree().provinceCode());
        long campaigns = db.count("SELECT count(*) FROM campaign");
        for (String bad : List.of("yesterday", "", "2027-13-01T00:00:00Z", "2027-01-01", "2027-01-01T00:00:00", "+999999999-01-01T00:00:00Z")) {
            Map<String, Object> input = new HashMap<>();
            input.put("year", 2027);
            input.put("name", "日期测试");
            input.put("opensAt", bad);
            input.put("closesAt", OffsetDateTime.now().plusDays(30).toString());
            input.put("tracks", List.of("SKILL"));
            input.put("reviewStages", List.of("CITY"));
            input.put("standards", List.of(Map.of("level", "SKILL_5", "maxSubsidyFen", 100000)));
            Response variable = post(admin, Gql.document("CreateCampaign"), Map.of("input", input));
            assertOneValidation(variable, "opensAt");
            Response literal = post(admin, "mutation { createCampaign(input: {year: 2027, name: \"日期测试\", opensAt: \"" + bad
                    + "\", closesAt: \"2030-01-01T00:00:00Z\", tracks: [SKILL], reviewStages: [CITY],"
                    + " standards: [{level: SKILL_5, maxSubsidyFen: 100000}]}) { id } }", null);
            assertOneValidation(literal, "opensAt");
        }
        Response date = post(admin, "mutation($in: CourseInput!) { createCourse(input: $in) { id } }", Map.of("in", Map.of(
                "campaignId", "" + w.campaign(), "academyCode", w.academyCode(), "name", "日期", "track", "SKILL", "targetLevel", "SKILL_4",
                "tuitionFen", 100, "capacity", 10, "startsOn", "next monday", "externalCode", "E-1")));
        assertOneValidation(date, "startsOn");
        assertEquals(campaigns, db.count("SELECT count(*) FROM campaign"), "nothing was created");
    }

    /**
     * A NUL in a text that reaches PostgreSQL inside a JSON parameter (an academy's externalRef) fails the
     * statement (SQLSTATE 22P05): malformed input, VALIDATION, not INTERNAL. Found by HostileInputIT.
     */
    @Test
    void aValueTheDatabaseCannotStoreIsAValidationError() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        String academy = Tokens.TEST.academy("coded-errors-academy", w.academyCode());
        Response r = post(academy, Gql.document("SyncEnrollments"), Map.of("items", List.of(Map.of("applicationId", "1",
                "externalRef", "ref\u0000nul", "status", "ENROLLED", "occurredAt", OffsetDateTime.now().minusDays(1).toString()))));
        assertEquals(200, r.statusCode(), r.asString());
        assertNoInternals(r.asString());
        assertEquals("VALIDATION", r.jsonPath().getString("errors[0].extensions.code"), r.asString());
    }

    private static void assertOneValidation(Response r, String field) {
        assertEquals(200, r.statusCode(), r.asString());
        assertNoInternals(r.asString());
        assertEquals(1, r.jsonPath().getList("errors").size(), r.asString());
        assertEquals("VALIDATION", r.jsonPath().getString("errors[0].extensions.code"), r.asString());
        assertEquals(field, r.jsonPath().getString("errors[0].extensions.field"), r.asString());
    }
}
