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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import static cn.workers.subsidy.security.AuthorizationMatrixTest.Who.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every contract operation served over HTTP, run as every kind of caller: each role, and the wrong
 * instance of the right role (another worker, a reviewer of another stage or city, a city admin
 * outside the subtree, another academy). A cell is allowed (no error) or denied (an error code, and
 * the database exactly as before). Subscriptions are checked in their own tests.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Who {
        ANONYMOUS, OWNER, OTHER_WORKER, STAGE_REVIEWER, REVIEWER_OTHER_STAGE, REVIEWER_OTHER_CITY, PROVINCE_ADMIN,
        CITY_ADMIN_ELSEWHERE, FINANCE, ACADEMY, OTHER_ACADEMY, AUDITOR
    }

    static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(ANONYMOUS));

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    /** The world one operation is tried in: a submitted application waiting at GRASSROOTS, pools, a second city. */
    final class Scene {
        final World w = World.create(fx, "GRASSROOTS,CITY");
        final Fixtures.Tree elsewhere = fx.treeUnder(w.tree().province(), w.tree().provinceCode());
        final long otherAcademy = fx.academy(elsewhere.city(), "HEADQUARTERS", null);
        final String otherWorker = Fixtures.unique("other-");
        final long otherWorkerId = fx.worker(otherWorker, w.tree().grassroots());
        final long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 5);
        final long elsewherePool = fx.pool(w.campaign(), elsewhere.city(), "EDUCATION", 5);
        final long draftCampaign = fx.campaign("DRAFT", "CITY", Instant.now(), Instant.now().plus(9, ChronoUnit.DAYS), null, null, 50);
        final long disbursement;
        final long app = fx.application(w.worker(), w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        final Map<Who, String> tokens = new EnumMap<>(Who.class);

        Scene() {
            long paidApp = fx.application(fx.worker(Fixtures.unique("paid-"), w.tree().grassroots()), w.campaign(), w.skillCourse(), "GRASSROOTS", w.tree().grassroots(), true);
            db.update("UPDATE quota_pool SET approved = approved + 1 WHERE id = ?", pool);
            db.update("UPDATE application SET status = 'ENROLLED', current_stage = NULL, stage_unit_id = NULL, quota_pool_id = ?,"
                    + " approved_at = now() WHERE id = ?", pool, paidApp);
            disbursement = ((Number) db.one("INSERT INTO disbursement (application_id, stage, amount_fen) VALUES (?, 'ENROLLMENT', 100000)"
                    + " RETURNING id", paidApp)).longValue();
            String p = w.tree().provinceCode();
            tokens.put(OWNER, w.workerToken());
            tokens.put(OTHER_WORKER, Tokens.TEST.worker(otherWorker));
            tokens.put(STAGE_REVIEWER, Tokens.TEST.reviewer("m-rv-g", w.tree().grassrootsCode()));
            tokens.put(REVIEWER_OTHER_STAGE, Tokens.TEST.reviewer("m-rv-c", w.tree().cityCode()));
            tokens.put(REVIEWER_OTHER_CITY, Tokens.TEST.reviewer("m-rv-x", elsewhere.grassrootsCode()));
            tokens.put(PROVINCE_ADMIN, Tokens.TEST.admin("m-admin", p));
            tokens.put(CITY_ADMIN_ELSEWHERE, Tokens.TEST.admin("m-admin-x", elsewhere.cityCode()));
            tokens.put(FINANCE, Tokens.TEST.finance("m-fin", p));
            tokens.put(ACADEMY, Tokens.TEST.academy("m-aca", w.academyCode()));
            tokens.put(OTHER_ACADEMY, Tokens.TEST.academy("m-aca-x", fx.academyCode(otherAcademy)));
            tokens.put(AUDITOR, Tokens.TEST.auditor("m-aud", p));
        }
    }

    record Row(String operation, Set<Who> allowed, Consumer<Scene> prepare, BiFunction<Scene, Who, Map<String, Object>> variables) {
    }

    static Row row(String op, Set<Who> allowed, BiFunction<Scene, Who, Map<String, Object>> vars) {
        return new Row(op, allowed, s -> { }, vars);
    }

    static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, Object> profile(Scene s, Who who) {
        Map<String, Object> in = new HashMap<>(Map.of("name", "矩阵", "idNumber", IdNumbers.aged(31), "phone", "13600000000",
                "unionMemberNo", "M", "employer", "E", "employerKind", "ENTERPRISE", "frontline", true,
                "orgUnitCode", s.w.tree().grassrootsCode(), "educationLevel", "HIGH_SCHOOL"));
        return vars("input", in);
    }

    static Map<String, Object> campaignInput() {
        List<Map<String, Object>> standards = new ArrayList<>();
        for (String l : List.of("SKILL_5", "SKILL_4", "SKILL_3", "SKILL_2", "SKILL_1")) {
            standards.add(Map.of("level", l, "maxSubsidyFen", 100000));
        }
        return vars("input", Map.of("year", 2027, "name", Fixtures.unique("矩阵行动 "), "opensAt", OffsetDateTime.now().plusDays(1).toString(),
                "closesAt", OffsetDateTime.now().plusDays(40).toString(), "tracks", List.of("SKILL"),
                "reviewStages", List.of("GRASSROOTS", "CITY"), "standards", standards));
    }

    List<Row> rows() {
        Set<Who> admin = EnumSet.of(PROVINCE_ADMIN);
        Set<Who> quotaReaders = EnumSet.of(STAGE_REVIEWER, REVIEWER_OTHER_STAGE, REVIEWER_OTHER_CITY, PROVINCE_ADMIN, CITY_ADMIN_ELSEWHERE,
                FINANCE, AUDITOR);
        List<Row> rows = new ArrayList<>();
        rows.add(row("Me", SIGNED_IN, (s, w) -> vars()));
        rows.add(row("OrgUnits", SIGNED_IN, (s, w) -> vars()));
        rows.add(row("Campaigns", SIGNED_IN, (s, w) -> vars("status", "OPEN")));
        rows.add(row("Courses", SIGNED_IN, (s, w) -> vars("campaignId", "" + s.w.campaign())));
        rows.add(row("Quotas", SIGNED_IN, (s, w) -> vars("campaignId", "" + s.w.campaign())));
        rows.add(row("QuotaLedger", quotaReaders, (s, w) -> vars("poolId", "" + s.pool)));
        rows.add(row("ApplicationDetail", EnumSet.of(OWNER, STAGE_REVIEWER, REVIEWER_OTHER_STAGE, PROVINCE_ADMIN, FINANCE, AUDITOR),
                (s, w) -> vars("id", "" + s.app)));
        rows.add(row("MyApplications", EnumSet.of(OWNER, OTHER_WORKER), (s, w) -> vars()));
        rows.add(row("ReviewQueue", EnumSet.of(STAGE_REVIEWER, REVIEWER_OTHER_CITY),
                (s, w) -> vars("campaignId", "" + s.w.campaign(), "stage", "GRASSROOTS")));
        rows.add(row("CampaignStats", EnumSet.of(PROVINCE_ADMIN, CITY_ADMIN_ELSEWHERE, AUDITOR), (s, w) -> vars("campaignId", "" + s.w.campaign())));
        rows.add(row("UpdateMyProfile", EnumSet.of(OWNER, OTHER_WORKER), AuthorizationMatrixTest::profile));
        rows.add(row("SubmitApplication", EnumSet.of(OTHER_WORKER), (s, w) -> vars("input", Map.of("campaignId", "" + s.w.campaign(),
                "courseId", "" + s.w.educationCourse(), "clientRequestId", "m-" + w))));
        rows.add(new Row("ResubmitApplication", EnumSet.of(OWNER), s -> db.update("UPDATE application SET status = 'RETURNED',"
                + " current_stage = NULL, stage_unit_id = NULL WHERE id = ?", s.app), (s, w) -> vars("id", "" + s.app, "expectedVersion", 1)));
        rows.add(row("WithdrawApplication", EnumSet.of(OWNER), (s, w) -> vars("id", "" + s.app, "expectedVersion", 1)));
        for (String decision : List.of("ApproveApplication", "ReturnApplication", "RejectApplication")) {
            rows.add(row(decision, EnumSet.of(STAGE_REVIEWER), (s, w) -> vars("id", "" + s.app, "expectedVersion", 1, "reason", "矩阵", "comment", "ok")));
        }
        rows.add(row("AllocateQuota", admin, (s, w) -> vars("input", Map.of("campaignId", "" + s.w.campaign(),
                "orgUnitCode", s.w.tree().cityCode(), "track", "EDUCATION", "allocated", 7))));
        rows.add(row("TransferQuota", admin, (s, w) -> vars("input", Map.of("campaignId", "" + s.w.campaign(), "track", "EDUCATION",
                "fromOrgUnitCode", s.w.tree().cityCode(), "toOrgUnitCode", s.elsewhere.cityCode(), "places", 1))));
        rows.add(row("ImportOrgUnits", admin, (s, w) -> vars("units", List.of(Map.of("code", Fixtures.unique("M-"), "name", "矩阵县",
                "kind", "COUNTY", "parentCode", s.w.tree().cityCode())))));
        rows.add(row("CreateCampaign", admin, (s, w) -> campaignInput()));
        rows.add(row("OpenCampaign", admin, (s, w) -> vars("id", "" + s.draftCampaign)));
        rows.add(row("CloseCampaign", admin, (s, w) -> vars("id", "" + s.w.campaign())));
        rows.add(row("RegisterAcademy", admin, (s, w) -> vars("input", Map.of("code", Fixtures.unique("MA-"), "name", "矩阵学院",
                "kind", "TRAINING_BASE", "orgUnitCode", s.w.tree().cityCode()))));
        rows.add(row("CreateCourse", EnumSet.of(PROVINCE_ADMIN, CITY_ADMIN_ELSEWHERE, ACADEMY), (s, w) -> vars("input", Map.of(
                "campaignId", "" + s.w.campaign(), "academyCode", s.w.academyCode(), "name", "矩阵课程", "track", "SKILL",
                "targetLevel", "SKILL_3", "tuitionFen", 300000, "capacity", 20, "startsOn", "2027-03-01", "externalCode", Fixtures.unique("MX-")))));
        rows.add(row("AcademyApplications", EnumSet.of(ACADEMY, OTHER_ACADEMY), (s, w) -> vars("first", 10)));
        rows.add(row("SyncEnrollments", EnumSet.of(ACADEMY, OTHER_ACADEMY), (s, w) -> vars("items", List.of(Map.of("applicationId",
                "" + s.app, "externalRef", "M-REF-" + w, "status", "ENROLLED", "occurredAt", OffsetDateTime.now().minusHours(1).toString())))));
        rows.add(row("PendingDisbursements", EnumSet.of(FINANCE), (s, w) -> vars("campaignId", "" + s.w.campaign())));
        rows.add(row("MarkDisbursementPaid", EnumSet.of(FINANCE), (s, w) -> vars("id", "" + s.disbursement, "reference", "BANK-" + w)));
        rows.add(row("AuditChain", EnumSet.of(AUDITOR), (s, w) -> vars("campaignId", "" + s.w.campaign())));
        return rows;
    }

    private String fingerprint() {
        return String.valueOf(db.one("SELECT concat_ws('/', (SELECT count(*) FROM application), (SELECT coalesce(sum(version), 0) FROM application),"
                + " (SELECT count(*) FROM application_history), (SELECT count(*) FROM worker), (SELECT max(updated_at) FROM worker),"
                + " (SELECT count(*) FROM quota_pool), (SELECT coalesce(sum(allocated * 7 + approved), 0) FROM quota_pool),"
                + " (SELECT count(*) FROM quota_ledger), (SELECT count(*) FROM campaign), (SELECT string_agg(status, ',' ORDER BY id) FROM campaign),"
                + " (SELECT count(*) FROM course), (SELECT count(*) FROM academy), (SELECT count(*) FROM org_unit),"
                + " (SELECT count(*) FROM enrollment), (SELECT count(*) FROM disbursement),"
                + " (SELECT count(*) FROM disbursement WHERE status = 'PAID'))"));
    }

    @Test
    void everyOperationAsEveryCaller() {
        int cells = 0;
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            Scene scene = new Scene();
            row.prepare().accept(scene);
            List<Who> order = new ArrayList<>();
            for (Who who : Who.values()) {
                if (!row.allowed().contains(who)) {
                    order.add(who);
                }
            }
            order.addAll(row.allowed());
            for (Who who : order) {
                String before = fingerprint();
                JsonPath r = Gql.op(row.operation()).as(scene.tokens.get(who)).vars(row.variables().apply(scene, who)).send();
                String code = r.getString("errors[0].extensions.code");
                boolean allowed = row.allowed().contains(who);
                cells++;
                if (allowed && code != null) {
                    wrong.add(row.operation() + " as " + who + " should be allowed but answered " + code + ": " + r.getString("errors[0].message"));
                } else if (!allowed && code == null) {
                    wrong.add(row.operation() + " as " + who + " should be denied but succeeded");
                } else if (!allowed && !before.equals(fingerprint())) {
                    wrong.add(row.operation() + " as " + who + " was denied (" + code + ") but changed the database");
                } else if (!allowed && "INTERNAL".equals(code)) {
                    wrong.add(row.operation() + " as " + who + " failed with INTERNAL");
                }
            }
        }
        System.out.println("AuthorizationMatrixTest: " + cells + " cells");
        assertEquals(List.of(), wrong);
        assertTrue(cells > 250);
    }

    @Test
    void nestedFieldsRevealNoPersonalDataToOthers() {
        Scene s = new Scene();
        String full = String.valueOf(db.one("SELECT id_number_masked FROM worker WHERE id = ?", s.w.worker()));
        for (Who who : List.of(STAGE_REVIEWER, REVIEWER_OTHER_STAGE, PROVINCE_ADMIN, FINANCE, AUDITOR)) {
            JsonPath r = Gql.op("ApplicationDetail").as(s.tokens.get(who)).var("id", "" + s.app).ok();
            assertTrue(r.getString("data.application.worker.phone").contains("****"), who + " sees a masked phone");
            assertEquals(full, r.getString("data.application.worker.idNumberMasked"));
        }
        JsonPath owner = Gql.op("ApplicationDetail").as(s.tokens.get(OWNER)).var("id", "" + s.app).ok();
        assertTrue(!owner.getString("data.application.worker.phone").contains("*"), "the owner sees their phone");
        JsonPath queue = Gql.op("ReviewQueue").as(s.tokens.get(REVIEWER_OTHER_CITY)).vars(vars("campaignId", "" + s.w.campaign(),
                "stage", "GRASSROOTS")).ok();
        assertEquals(0, queue.getList("data.reviewQueue.edges").size(), "another city's reviewer sees none of these cases");
        assertEquals((Object) null, Gql.op("Me").as(s.tokens.get(STAGE_REVIEWER)).ok().get("data.me.worker"));
    }
}
