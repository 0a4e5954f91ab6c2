package cn.workers.subsidy.security;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.IdNumbers;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Malformed inputs through the contract operations: each gets a clear error with the contract's code,
 * never INTERNAL, never internals in the message, and nothing is persisted. Ints out of range have their own
 * test (IntExactnessTest): 2^32 wrapped to 0, which the year rule refused by coincidence.
 */
@QuarkusTest
class BadInputTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    record Case(String name, String operation, String token, Map<String, Object> variables, String code) {
    }

    private static Map<String, Object> profile(String grassroots, Consumer<Map<String, Object>> change) {
        Map<String, Object> in = new HashMap<>();
        in.put("name", "李四");
        in.put("idNumber", IdNumbers.aged(30));
        in.put("phone", "13900001111");
        in.put("unionMemberNo", "M-1");
        in.put("employer", "某公司");
        in.put("employerKind", "ENTERPRISE");
        in.put("frontline", true);
        in.put("orgUnitCode", grassroots);
        in.put("educationLevel", "HIGH_SCHOOL");
        change.accept(in);
        return Map.of("input", in);
    }

    private static Map<String, Object> campaign(Consumer<Map<String, Object>> change) {
        Map<String, Object> in = new HashMap<>();
        in.put("year", 2027);
        in.put("name", "测试行动");
        in.put("opensAt", OffsetDateTime.now().plusDays(1).toString());
        in.put("closesAt", OffsetDateTime.now().plusDays(30).toString());
        in.put("tracks", List.of("SKILL"));
        in.put("reviewStages", List.of("GRASSROOTS", "CITY"));
        List<Map<String, Object>> standards = new ArrayList<>();
        for (String l : List.of("SKILL_5", "SKILL_4", "SKILL_3", "SKILL_2", "SKILL_1")) {
            standards.add(Map.of("level", l, "maxSubsidyFen", 100000));
        }
        in.put("standards", standards);
        change.accept(in);
        return Map.of("input", in);
    }

    static final List<String> TABLES = List.of("worker", "application", "campaign", "quota_pool", "quota_ledger", "org_unit",
            "academy", "course", "application_history");

    private String counts() {
        StringBuilder sb = new StringBuilder();
        for (String t : TABLES) {
            sb.append(t).append('=').append(db.count("SELECT count(*) FROM " + t)).append(' ');
        }
        return sb.toString();
    }

    @Test
    void everyBadInputIsAClearErrorAndNothingIsStored() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        String g = w.tree().grassrootsCode();
        String worker = Tokens.TEST.worker(Fixtures.unique("bad-input-"));
        String admin = Tokens.TEST.admin("bad-input-admin", w.tree().provinceCode());
        String megabyte = "长".repeat(170_000);
        List<Case> cases = List.of(
                new Case("NUL byte in a name", "UpdateMyProfile", worker, profile(g, in -> in.put("name", "张\u0000三")), "VALIDATION"),
                new Case("control characters in employer", "UpdateMyProfile", worker, profile(g, in -> in.put("employer", "a\u0007b\u001bc")), "VALIDATION"),
                new Case("a 500 KB name", "UpdateMyProfile", worker, profile(g, in -> in.put("name", megabyte)), "VALIDATION"),
                new Case("invalid enum", "UpdateMyProfile", worker, profile(g, in -> in.put("employerKind", "ROBOT")), "VALIDATION"),
                new Case("wrong type for a Boolean", "UpdateMyProfile", worker, profile(g, in -> in.put("frontline", "yes")), "VALIDATION"),
                new Case("missing required field", "UpdateMyProfile", worker, profile(g, in -> in.remove("phone")), "VALIDATION"),
                new Case("ID number with letters", "UpdateMyProfile", worker, profile(g, in -> in.put("idNumber", "33010619900101ABCD")), "INVALID_ID_NUMBER"),
                new Case("reversed campaign dates", "CreateCampaign", admin, campaign(in -> {
                    Object o = in.get("opensAt");
                    in.put("opensAt", in.get("closesAt"));
                    in.put("closesAt", o);
                }), "VALIDATION"),
                new Case("date without offset", "CreateCampaign", admin, campaign(in -> in.put("opensAt", "2027-01-01T00:00:00")), "VALIDATION"),
                new Case("negative subsidy", "CreateCampaign", admin, campaign(in -> in.put("standards",
                        List.of(Map.of("level", "SKILL_5", "maxSubsidyFen", -1)))), "VALIDATION"),
                new Case("share above 100", "CreateCampaign", admin, campaign(in -> in.put("enrollmentSharePercent", 101)), "VALIDATION"),
                new Case("negative allocation", "AllocateQuota", admin, Map.of("input", Map.of("campaignId", "" + w.campaign(),
                        "orgUnitCode", w.tree().cityCode(), "track", "EDUCATION", "allocated", -5)), "VALIDATION"),
                new Case("negative transfer", "TransferQuota", admin, Map.of("input", Map.of("campaignId", "" + w.campaign(),
                        "track", "EDUCATION", "fromOrgUnitCode", w.tree().cityCode(), "toOrgUnitCode", w.tree().cityCode(), "places", -3)), "VALIDATION"),
                new Case("first negative", "Courses", worker, Map.of("campaignId", "" + w.campaign(), "first", -1), "VALIDATION"),
                new Case("first above 500", "Courses", worker, Map.of("campaignId", "" + w.campaign(), "first", 100_000), "BATCH_TOO_LARGE"),
                new Case("forged cursor", "Courses", worker, Map.of("campaignId", "" + w.campaign(), "after", "not-a-cursor!"), "VALIDATION"),
                new Case("id that is not ours", "ApplicationDetail", worker, Map.of("id", "1; DROP TABLE application"), "NOT_FOUND"),
                new Case("blank clientRequestId", "SubmitApplication", w.workerToken(), Map.of("input", Map.of("campaignId", "" + w.campaign(),
                        "courseId", "" + w.educationCourse(), "clientRequestId", "\t ")), "VALIDATION"),
                new Case("oversized clientRequestId", "SubmitApplication", w.workerToken(), Map.of("input", Map.of("campaignId", "" + w.campaign(),
                        "courseId", "" + w.educationCourse(), "clientRequestId", "x".repeat(5000))), "VALIDATION"),
                new Case("org unit list with a bad code", "ImportOrgUnits", admin, Map.of("units", List.of(Map.of("code", "bad code!",
                        "name", "x", "kind", "CITY", "parentCode", w.tree().provinceCode()))), "VALIDATION"));
        String before = counts();
        for (Case c : cases) {
            JsonPath r = Gql.op(c.operation()).as(c.token()).vars(c.variables()).send();
            String code = r.getString("errors[0].extensions.code");
            assertEquals(c.code(), code, c.name() + ": " + r.prettify().substring(0, Math.min(600, r.prettify().length())));
            String message = r.getString("errors[0].message");
            assertFalse(message.contains("Exception") || message.contains("org.") || message.contains("SQL"), c.name() + ": " + message);
        }
        assertEquals(before, counts(), "nothing persisted");
        System.out.println("BadInputTest: " + cases.size() + " malformed inputs refused with their codes");
    }
}
