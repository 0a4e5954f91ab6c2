package cn.workers.subsidy.campaign;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Inputs;
import cn.workers.subsidy.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each campaign rule, broken on its own: VALIDATION naming the field, and no campaign stored. */
@QuarkusTest
class CampaignValidationTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken("closesAt before opensAt", "closesAt", m -> m.put("closesAt", OffsetDateTime.parse((String) m.get("opensAt")).minusHours(1).toString())),
                broken("closesAt equal to opensAt", "closesAt", m -> m.put("closesAt", m.get("opensAt"))),
                broken("no review stage", "reviewStages", m -> m.put("reviewStages", List.of())),
                broken("a stage twice", "reviewStages", m -> m.put("reviewStages", List.of("GRASSROOTS", "GRASSROOTS", "CITY"))),
                broken("stages top down", "reviewStages", m -> m.put("reviewStages", List.of("CITY", "COUNTY"))),
                broken("no track", "tracks", m -> m.put("tracks", List.of())),
                broken("a track twice", "tracks", m -> m.put("tracks", List.of("SKILL", "SKILL"))),
                broken("a level without standard", "standards", m -> ((List<?>) m.get("standards")).remove(3)),
                broken("a standard for an unfunded track", "standards", m -> m.put("tracks", List.of("EDUCATION"))),
                broken("two standards for a level", "standards", m -> standards(m).add(Map.of("level", "MASTER", "maxSubsidyFen", 1000))),
                broken("a zero amount", "maxSubsidyFen", m -> standards(m).set(0, Map.of("level", "HIGH_SCHOOL", "maxSubsidyFen", 0))),
                broken("a negative amount", "maxSubsidyFen", m -> standards(m).set(5, Map.of("level", "SKILL_4", "maxSubsidyFen", -100))),
                broken("share above 100", "enrollmentSharePercent", m -> m.put("enrollmentSharePercent", 101)),
                broken("negative share", "enrollmentSharePercent", m -> m.put("enrollmentSharePercent", -1)),
                broken("minAge too low", "minAge", m -> m.put("minAge", 13)),
                broken("maxAge too high", "maxAge", m -> m.put("maxAge", 101)),
                broken("minAge above maxAge", "maxAge", m -> {
                    m.put("minAge", 45);
                    m.put("maxAge", 30);
                }),
                broken("year too early", "year", m -> m.put("year", 1999)),
                broken("year too late", "year", m -> m.put("year", 2101)),
                broken("blank name", "name", m -> m.put("name", "   ")),
                broken("name too long", "name", m -> m.put("name", "行".repeat(201))));
    }

    private static Arguments broken(String rule, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(rule, field, change);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> standards(Map<String, Object> m) {
        return (List<Map<String, Object>>) m.get("standards");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void eachRuleIsEnforced(String rule, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> input = Inputs.campaign(Fixtures.unique("行动 "));
        input.put("standards", new ArrayList<>(standards(input)));
        change.accept(input);
        long before = db.count("SELECT count(*) FROM campaign");
        JsonPath r = Gql.op("CreateCampaign").as(Tokens.TEST.admin(Fixtures.unique("admin-"), fx.tree().provinceCode())).var("input", input).send();
        assertEquals("VALIDATION", r.getString("errors[0].extensions.code"), () -> rule + ": " + r.prettify());
        assertEquals(field, r.getString("errors[0].extensions.field"), () -> rule + ": " + r.prettify());
        assertEquals(before, db.count("SELECT count(*) FROM campaign"), rule);
    }
}
