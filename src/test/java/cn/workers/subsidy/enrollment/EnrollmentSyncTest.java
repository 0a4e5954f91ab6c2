package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.support.Concurrently;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static cn.workers.subsidy.support.Sync.at;
import static cn.workers.subsidy.support.Sync.codes;
import static cn.workers.subsidy.support.Sync.completed;
import static cn.workers.subsidy.support.Sync.event;
import static cn.workers.subsidy.support.Sync.outcomes;
import static cn.workers.subsidy.support.Sync.send;
import static cn.workers.subsidy.support.Sync.with;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EnrollmentSyncTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    record Setup(World w, long pool, String academy) {
        long approved(Fixtures fx) {
            return fx.approved(w.campaign(), w.educationCourse(), w.tree().grassroots(), pool);
        }
    }

    private Setup setup() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 50);
        return new Setup(w, pool, Tokens.TEST.academy(Fixtures.unique("client-"), w.academyCode()));
    }

    /** Everything a batch can change about these applications, and about their pool when one is named. */
    private String snapshot(List<Long> ids, long pool) {
        return snapshot(ids) + db.column("SELECT approved FROM quota_pool WHERE id = ?", pool)
                + db.column("SELECT count(*) FROM quota_ledger WHERE pool_id = ?", pool);
    }

    private String snapshot(List<Long> ids) {
        StringBuilder sb = new StringBuilder();
        for (long id : ids) {
            sb.append(db.column("SELECT status || '/' || version || '/' || subsidy_fen || '/' || coalesce(quota_pool_id::text, '-') || '/'"
                    + " || updated_at FROM application WHERE id = ?", id));
            sb.append(db.column("SELECT count(*) FROM application_history WHERE application_id = ?", id));
            sb.append(db.column("SELECT external_ref || status || coalesce(certificate_no, '') || last_event_at FROM enrollment"
                    + " WHERE application_id = ?", id));
            sb.append(db.column("SELECT stage || amount_fen || status FROM disbursement WHERE application_id = ? ORDER BY id", id));
        }
        return sb.toString();
    }

    private String status(long id) {
        return (String) db.one("SELECT status FROM application WHERE id = ?", id);
    }

    private List<String> instalments(long id) {
        return db.column("SELECT stage || ':' || amount_fen || ':' || status FROM disbursement WHERE application_id = ? ORDER BY id", id)
                .stream().map(Object::toString).toList();
    }

    @Test
    void aMixedBatchGivesEveryItemItsOwnOutcomeAndAppliesTheGoodOnes() {
        Setup s = setup();
        long a1 = s.approved(fx), a2 = s.approved(fx), a3 = s.approved(fx), a4 = s.approved(fx), a5 = s.approved(fx), a6 = s.approved(fx);
        World other = World.create(fx, "CITY");
        long otherPool = fx.pool(other.campaign(), other.tree().city(), "EDUCATION", 5);
        long foreign = fx.approved(other.campaign(), other.educationCourse(), other.tree().grassroots(), otherPool);
        send(s.academy(), List.of(event(a2, "R2", "ENROLLED", at(1)), event(a3, "R3", "ENROLLED", at(5))));
        String untouched = snapshot(List.of(a4, a5, foreign));
        long poolBefore = db.count("SELECT approved FROM quota_pool WHERE id = ?", s.pool());

        JsonPath r = send(s.academy(), List.of(
                event(a1, "R1", "ENROLLED", at(2)),
                event(a2, "R2", "ENROLLED", at(1)),
                event(a3, "R3", "ENROLLED", at(3)),
                event(a4, "R4", "COMPLETED", at(2)),
                completed(a4, "R4", at(2), "CERT-4"),
                event(foreign, "RF", "ENROLLED", at(2)),
                event(a5, "R1", "ENROLLED", at(2)),
                event(999_999_999L, "R9", "ENROLLED", at(2)),
                event(a6, "R6", "DROPPED", at(2)),
                completed(a1, "R1", at(9), "CERT-1"),
                event(a5, "R5", "ENROLLED", java.time.OffsetDateTime.now().plusDays(1)),
                with(event(a5, "R5", "ENROLLED", at(2)), "tuitionPaidFen", -1),
                event(a5, " ", "ENROLLED", at(2))));
        assertEquals(List.of("APPLIED", "UNCHANGED", "STALE", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "NOT_FOUND", "APPLIED",
                "APPLIED", "REJECTED", "REJECTED", "REJECTED"), outcomes(r), r.prettify());
        assertEquals(java.util.Arrays.asList(null, null, null, "VALIDATION", "ILLEGAL_TRANSITION", "FORBIDDEN", "VALIDATION", "NOT_FOUND",
                null, null, "VALIDATION", "VALIDATION", "VALIDATION"), codes(r));
        assertEquals(List.of(3, 1, 1, 7, 1), List.of(r.getInt("data.syncEnrollments.applied"), r.getInt("data.syncEnrollments.unchanged"),
                r.getInt("data.syncEnrollments.stale"), r.getInt("data.syncEnrollments.rejected"), r.getInt("data.syncEnrollments.notFound")));
        assertThat(r.getString("data.syncEnrollments.results[3].message"), containsString("certificateNo"));
        assertEquals(String.valueOf(a1), r.getString("data.syncEnrollments.results[0].applicationId"));
        assertEquals("R1", r.getString("data.syncEnrollments.results[0].externalRef"));

        // a1 enrolled and completed in one batch: two steps, two instalments adding up to the subsidy
        assertEquals("COMPLETED", status(a1));
        assertEquals(4L, db.count("SELECT version FROM application WHERE id = ?", a1));
        assertEquals(List.of("ENROLLMENT:100000:PENDING", "COMPLETION:100000:PENDING"), instalments(a1));
        assertEquals("COMPLETED/CERT-1", db.one("SELECT status || '/' || certificate_no FROM enrollment WHERE application_id = ?", a1));
        List<Object> history = db.column("SELECT action || '/' || coalesce(from_status, '-') || '/' || to_status || '/' || actor_role"
                + " FROM application_history WHERE application_id = ? ORDER BY id", a1);
        assertEquals(List.of("SUBMIT/-/SUBMITTED/worker", "APPROVE/SUBMITTED/APPROVED/reviewer", "ENROLL/APPROVED/ENROLLED/academy",
                "COMPLETE/ENROLLED/COMPLETED/academy"), history);
        assertThat((String) db.one("SELECT comment FROM application_history WHERE application_id = ? AND action = 'COMPLETE'", a1),
                containsString("externalRef=R1; occurredAt=" + at(9) + "; certificate=CERT-1"));
        // a6 dropped before enrolling: cancelled, its place back in the pool, no instalment
        assertEquals("CANCELLED", status(a6));
        assertEquals(poolBefore - 1, db.count("SELECT approved FROM quota_pool WHERE id = ?", s.pool()));
        assertEquals(List.of(), instalments(a6));
        // the refused items changed nothing
        assertEquals(untouched, snapshot(List.of(a4, a5, foreign)), "refused items changed nothing");
        assertEquals("APPROVED", status(a4));
        assertEquals("APPROVED", status(a5));
        assertEquals("APPROVED", status(foreign));

        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics, containsString("subsidy_sync_items_total{outcome=\"APPLIED\"}"));
        assertThat(metrics, containsString("subsidy_sync_items_total{outcome=\"STALE\"}"));
    }

    @Test
    void theSameBatchTwiceChangesNothingTheSecondTime() {
        Setup s = setup();
        long a1 = s.approved(fx), a2 = s.approved(fx), a3 = s.approved(fx);
        List<Map<String, Object>> batch = List.of(event(a1, "S1", "ENROLLED", at(1)), event(a2, "S2", "ENROLLED", at(1)),
                completed(a2, "S2", at(30), "C-2"), event(a3, "S3", "ENROLLED", at(1)), event(a3, "S3", "DROPPED", at(40)));
        JsonPath first = send(s.academy(), batch);
        assertEquals(List.of("APPLIED", "APPLIED", "APPLIED", "APPLIED", "APPLIED"), outcomes(first));
        String after = snapshot(List.of(a1, a2, a3), s.pool());
        JsonPath second = send(s.academy(), batch);
        assertEquals(List.of("UNCHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED"), outcomes(second), second.prettify());
        assertEquals(5, second.getInt("data.syncEnrollments.unchanged"));
        assertEquals(after, snapshot(List.of(a1, a2, a3), s.pool()));
        // the drop-out keeps the enrollment share it earned, never the completion share
        assertEquals(List.of("ENROLLMENT:100000:PENDING"), instalments(a3));
    }

    @Test
    void eventsOutOfOrderAreRefusedOrStale() {
        Setup s = setup();
        long a = s.approved(fx);
        JsonPath early = send(s.academy(), List.of(completed(a, "O1", at(30), "C-O1")));
        assertEquals(List.of("REJECTED"), outcomes(early));
        assertEquals(List.of("ILLEGAL_TRANSITION"), codes(early));
        assertEquals("APPROVED", status(a));
        assertEquals(0, db.count("SELECT count(*) FROM enrollment WHERE application_id = ?", a));

        assertEquals(List.of("APPLIED", "APPLIED"), outcomes(send(s.academy(), List.of(event(a, "O1", "ENROLLED", at(10)),
                completed(a, "O1", at(30), "C-O1")))));
        String done = snapshot(List.of(a), s.pool());
        JsonPath late = send(s.academy(), List.of(event(a, "O1", "ENROLLED", at(20)), event(a, "O1", "ENROLLED", at(10)),
                event(a, "O1", "DROPPED", at(25)), event(a, "O1", "DROPPED", at(31)), completed(a, "O1", at(30), "OTHER")));
        assertEquals(List.of("STALE", "UNCHANGED", "STALE", "REJECTED", "REJECTED"), outcomes(late), late.prettify());
        assertEquals(java.util.Arrays.asList(null, null, null, "ILLEGAL_TRANSITION", "ILLEGAL_TRANSITION"), codes(late));
        assertEquals(done, snapshot(List.of(a), s.pool()));
    }

    @Test
    void tuitionPaidLowersTheSubsidyAndTheInstalmentsAlwaysAddUp() {
        Setup s = setup();
        long a = s.approved(fx);
        send(s.academy(), List.of(with(event(a, "T1", "ENROLLED", at(1)), "tuitionPaidFen", 150_001), completed(a, "T1", at(2), "C")));
        assertEquals(150_001L, db.count("SELECT subsidy_fen FROM application WHERE id = ?", a));
        assertEquals(List.of("ENROLLMENT:75000:PENDING", "COMPLETION:75001:PENDING"), instalments(a));

        // a campaign that pays everything on completion
        World w = World.create(fx, "CITY");
        long campaign = fx.campaign("OPEN", "CITY", java.time.Instant.now().minusSeconds(86_400), java.time.Instant.now().plusSeconds(86_400),
                null, null, 0);
        long course = fx.course(campaign, w.academy(), "EDUCATION", "ASSOCIATE", 250_000);
        long pool = fx.pool(campaign, w.tree().city(), "EDUCATION", 5);
        long b = fx.approved(campaign, course, w.tree().grassroots(), pool);
        String academy = Tokens.TEST.academy("client-zero", w.academyCode());
        send(academy, List.of(event(b, "Z1", "ENROLLED", at(1))));
        assertEquals(List.of(), instalments(b));
        send(academy, List.of(completed(b, "Z1", at(2), "C")));
        assertEquals(List.of("COMPLETION:200000:PENDING"), instalments(b));
    }

    @Test
    void aDropOutGivesItsPlaceBackInTheSameTransaction() {
        Setup s = setup();
        long a = s.approved(fx);
        send(s.academy(), List.of(event(a, "D1", "ENROLLED", at(1))));
        Object[] before = db.row("SELECT allocated, approved FROM quota_pool WHERE id = ?", s.pool());
        JsonPath r = send(s.academy(), List.of(event(a, "D1", "DROPPED", at(2))));
        assertEquals(List.of("APPLIED"), outcomes(r));
        Object[] row = db.row("SELECT status, quota_pool_id FROM application WHERE id = ?", a);
        assertEquals("CANCELLED", row[0]);
        assertEquals(null, row[1]);
        long approved = ((Number) before[1]).longValue() - 1;
        assertEquals(approved, db.count("SELECT approved FROM quota_pool WHERE id = ?", s.pool()));
        assertEquals(1, db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ? AND reason = 'CANCEL' AND application_id = ?"
                + " AND delta = 1 AND approved_after = ? AND allocated_after = ?", s.pool(), a, (int) approved, before[0]));
        assertEquals(approved, db.count("SELECT count(*) FROM application WHERE quota_pool_id = ?", s.pool()));
        assertEquals("DROPPED", db.one("SELECT status FROM enrollment WHERE application_id = ?", a));
        assertEquals(List.of("ENROLLMENT:100000:PENDING"), instalments(a));
        JsonPath again = send(s.academy(), List.of(completed(a, "D1", at(3), "C")));
        assertEquals(List.of("ILLEGAL_TRANSITION"), codes(again));
    }

    @Test
    void academiesRacingOnTheSameApplicationsApplyEachEventOnce() throws Exception {
        Setup s = setup();
        World other = World.create(fx, "CITY");
        String intruder = Tokens.TEST.academy("client-intruder", other.academyCode());
        List<Long> apps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            apps.add(s.approved(fx));
        }
        List<Map<String, Object>> batch = apps.stream().map(id -> event(id, "RACE-" + id, "ENROLLED", at(1))).toList();
        List<java.util.concurrent.Callable<JsonPath>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String token = Tokens.TEST.academy("client-" + i, s.w().academyCode());
            calls.add(() -> send(token, batch));
            calls.add(() -> send(intruder, batch));
        }
        List<JsonPath> answers = Concurrently.run(8, calls);
        Map<String, Long> right = new java.util.TreeMap<>();
        for (int i = 0; i < answers.size(); i++) {
            List<String> out = outcomes(answers.get(i));
            if (i % 2 == 1) {
                assertEquals(java.util.Collections.nCopies(20, "FORBIDDEN"), codes(answers.get(i)));
            } else {
                out.forEach(o -> right.merge(o, 1L, Long::sum));
            }
        }
        assertEquals(Map.of("APPLIED", 20L, "UNCHANGED", 60L), right);
        for (long id : apps) {
            assertEquals("ENROLLED", status(id));
            assertEquals(List.of("ENROLLMENT:100000:PENDING"), instalments(id));
            assertEquals(1, db.count("SELECT count(*) FROM application_history WHERE application_id = ? AND action = 'ENROLL'", id));
        }
    }

    @Test
    void tooManyItemsWrongRolesAndUnknownAcademiesChangeNothing() {
        Setup s = setup();
        long a = s.approved(fx);
        String before = snapshot(List.of(a), s.pool());
        List<Map<String, Object>> tooMany = new ArrayList<>();
        tooMany.add(event(a, "X1", "ENROLLED", at(1)));
        for (int i = 1; i <= 1000; i++) {
            tooMany.add(event(900_000_000L + i, "X-" + i, "ENROLLED", at(1)));
        }
        assertThat(Gql.op("SyncEnrollments").as(s.academy()).var("items", tooMany).errorCode(), equalTo("BATCH_TOO_LARGE"));
        List<Map<String, Object>> one = List.of(event(a, "X1", "ENROLLED", at(1)));
        Fixtures.Tree t = s.w().tree();
        for (String token : List.of(s.w().workerToken(), Tokens.TEST.reviewer("rv", t.cityCode()), Tokens.TEST.admin("ad", t.provinceCode()),
                Tokens.TEST.finance("fi", t.provinceCode()), Tokens.TEST.token("client-no-code", List.of("academy"), null, null),
                Tokens.TEST.academy("client-ghost", "NO-SUCH-ACADEMY"))) {
            assertThat(Gql.op("SyncEnrollments").as(token).var("items", one).errorCode(), equalTo("FORBIDDEN"));
        }
        assertThat(Gql.op("SyncEnrollments").var("items", one).errorCode(), equalTo("UNAUTHENTICATED"));
        assertEquals(before, snapshot(List.of(a), s.pool()));
        JsonPath empty = send(s.academy(), List.of());
        assertEquals(0, empty.getInt("data.syncEnrollments.applied"));
        assertEquals(List.of(), empty.getList("data.syncEnrollments.results"));
        // exactly 1,000 is allowed
        JsonPath full = send(s.academy(), tooMany.subList(0, 1000));
        assertEquals(1, full.getInt("data.syncEnrollments.applied"));
        assertEquals(999, full.getInt("data.syncEnrollments.notFound"));
        assertTrue(outcomes(full).stream().collect(Collectors.toSet()).size() == 2);
    }
}
