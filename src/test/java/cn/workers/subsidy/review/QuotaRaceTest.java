package cn.workers.subsidy.review;

import cn.workers.subsidy.support.Concurrently;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** approved ≤ allocated under load: many concurrent final approvals and withdrawals over one pool. */
@QuarkusTest
class QuotaRaceTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    record Case(long id, String workerSubject) {
    }

    private List<Case> casesAtCity(World w, int n) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String subject = Fixtures.unique("race-");
            long worker = fx.worker(subject, w.tree().grassroots());
            cases.add(new Case(fx.application(worker, w.campaign(), w.educationCourse(), "CITY", w.tree().city(), false), subject));
        }
        return cases;
    }

    private static String outcome(JsonPath r, String field) {
        String code = r.getString("errors[0].extensions.code");
        return code != null ? code : r.getString("data." + field + ".status");
    }

    private void assertPoolConsistent(long pool) {
        Object[] p = db.row("SELECT allocated, approved FROM quota_pool WHERE id = ?", pool);
        long allocated = ((Number) p[0]).longValue();
        long approved = ((Number) p[1]).longValue();
        assertTrue(approved <= allocated, "approved " + approved + " > allocated " + allocated);
        assertEquals(approved, db.count("SELECT count(*) FROM application WHERE quota_pool_id = ?", pool),
                "approved equals the number of applications holding a place");
        long takes = db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ? AND reason = 'APPROVE'", pool);
        long gives = db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ? AND reason IN ('WITHDRAW', 'CANCEL')", pool);
        assertEquals(approved, takes - gives, "the ledger accounts for every place");
        Object last = db.column("SELECT approved_after FROM quota_ledger WHERE pool_id = ? ORDER BY id DESC LIMIT 1", pool).stream()
                .findFirst().orElse(0);
        assertEquals(approved, ((Number) last).longValue(), "the newest ledger entry shows the pool's figures");
    }

    @Test
    void threeHundredFinalApprovalsAtAPoolOfOneHundred() throws Exception {
        World w = World.create(fx, "CITY");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 100);
        List<Case> cases = casesAtCity(w, 300);
        String reviewer = Tokens.TEST.reviewer("rv-race", w.tree().cityCode());
        List<Callable<String>> calls = cases.stream().<Callable<String>>map(c -> () -> outcome(Gql.op("ApproveApplication").as(reviewer)
                .vars(Map.of("id", "" + c.id(), "expectedVersion", 1)).send(), "approveApplication")).toList();
        Map<String, Long> outcomes = Concurrently.run(48, calls).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of("APPROVED", 100L, "QUOTA_EXHAUSTED", 200L), outcomes);
        assertEquals(100L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertEquals(100, db.count("SELECT count(*) FROM application WHERE campaign_id = ? AND status = 'APPROVED'", w.campaign()));
        assertEquals(200, db.count("SELECT count(*) FROM application WHERE campaign_id = ? AND status = 'IN_REVIEW' AND version = 1",
                w.campaign()));
        assertPoolConsistent(pool);
    }

    @Test
    void withdrawalsRacingApprovalsNeverOversubscribe() throws Exception {
        World w = World.create(fx, "CITY");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 40);
        String reviewer = Tokens.TEST.reviewer("rv-race2", w.tree().cityCode());
        List<Case> holders = casesAtCity(w, 40);
        for (Case c : holders) {
            outcome(Gql.op("ApproveApplication").as(reviewer).vars(Map.of("id", "" + c.id(), "expectedVersion", 1)).send(), "approveApplication");
        }
        assertEquals(40L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        List<Case> waiting = casesAtCity(w, 80);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            Case c = waiting.get(i);
            calls.add(() -> outcome(Gql.op("ApproveApplication").as(reviewer).vars(Map.of("id", "" + c.id(), "expectedVersion", 1)).send(),
                    "approveApplication"));
            if (i < 40) {
                Case h = holders.get(i);
                calls.add(() -> outcome(Gql.op("WithdrawApplication").as(Tokens.TEST.worker(h.workerSubject()))
                        .vars(Map.of("id", "" + h.id(), "expectedVersion", 2)).send(), "withdrawApplication"));
            }
        }
        List<String> results = Concurrently.run(40, calls);
        assertEquals(40, results.stream().filter("WITHDRAWN"::equals).count(), results.toString());
        long approvedNow = results.stream().filter("APPROVED"::equals).count();
        assertEquals(80 - approvedNow, results.stream().filter("QUOTA_EXHAUSTED"::equals).count(), results.toString());
        assertEquals(approvedNow, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertPoolConsistent(pool);
    }
}
