package cn.workers.subsidy.disbursement;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.workers.subsidy.support.Sync.at;
import static cn.workers.subsidy.support.Sync.completed;
import static cn.workers.subsidy.support.Sync.event;
import static cn.workers.subsidy.support.Sync.send;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FinanceTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    record Case(World w, long id, String finance) {
        long instalment(Db db, String stage) {
            return ((Number) db.one("SELECT id FROM disbursement WHERE application_id = ? AND stage = ?", id, stage)).longValue();
        }
    }

    /** A case the academy enrolled and completed: two PENDING instalments of 100,000 fen. */
    private Case completedCase() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 10);
        long id = fx.approvedFor(w.worker(), w.campaign(), w.educationCourse(), pool);
        String ref = Fixtures.unique("STU-");
        send(Tokens.academy("client-fin", w.academyCode()), List.of(event(id, ref, "ENROLLED", at(1)), completed(id, ref, at(2), "CERT-9")));
        return new Case(w, id, Tokens.finance(Fixtures.unique("fin-"), w.tree().provinceCode()));
    }

    private JsonPath pay(String token, long id, String reference) {
        return Gql.op("MarkDisbursementPaid").as(token).vars(Map.of("id", "" + id, "reference", reference)).send();
    }

    private String row(long disbursement) {
        return String.valueOf(db.one("SELECT status || '/' || coalesce(reference, '-') || '/' || coalesce(paid_by, '-') || '/'"
                + " || coalesce(paid_at::text, '-') FROM disbursement WHERE id = ?", disbursement));
    }

    @Test
    void financeSeesPendingInstalmentsInScopeAndPaysBoth() {
        Case c = completedCase();
        JsonPath pending = Gql.op("PendingDisbursements").as(c.finance()).var("campaignId", "" + c.w().campaign()).ok();
        assertEquals(2, pending.getInt("data.pendingDisbursements.totalCount"));
        assertEquals(List.of("ENROLLMENT", "COMPLETION"), pending.getList("data.pendingDisbursements.edges.node.stage"));
        assertEquals(List.of(100_000, 100_000), pending.getList("data.pendingDisbursements.edges.node.amountFen"));
        assertEquals(List.of("" + c.id(), "" + c.id()), pending.getList("data.pendingDisbursements.edges.node.application.id"));
        String name = (String) db.one("SELECT name FROM worker WHERE id = ?", c.w().worker());
        assertEquals(List.of(name, name), pending.getList("data.pendingDisbursements.edges.node.application.worker.name"));

        // paged one by one, and a city's finance officer sees the city's cases only
        JsonPath first = Gql.op("PendingDisbursements").as(c.finance()).vars(Map.of("campaignId", "" + c.w().campaign(), "first", 1)).ok();
        assertTrue(first.getBoolean("data.pendingDisbursements.pageInfo.hasNextPage"));
        JsonPath second = Gql.op("PendingDisbursements").as(c.finance()).vars(Map.of("campaignId", "" + c.w().campaign(), "first", 1,
                "after", first.getString("data.pendingDisbursements.pageInfo.endCursor"))).ok();
        assertEquals(List.of("COMPLETION"), second.getList("data.pendingDisbursements.edges.node.stage"));
        assertFalse(second.getBoolean("data.pendingDisbursements.pageInfo.hasNextPage"));
        assertEquals(2, Gql.op("PendingDisbursements").as(Tokens.finance("fin-city", c.w().tree().cityCode()))
                .var("campaignId", "" + c.w().campaign()).ok().getInt("data.pendingDisbursements.totalCount"));
        Fixtures.Tree elsewhere = fx.treeUnder(c.w().tree().province(), c.w().tree().provinceCode());
        assertEquals(0, Gql.op("PendingDisbursements").as(Tokens.finance("fin-other", elsewhere.cityCode()))
                .var("campaignId", "" + c.w().campaign()).ok().getInt("data.pendingDisbursements.totalCount"));

        long enrollment = c.instalment(db, "ENROLLMENT");
        long completion = c.instalment(db, "COMPLETION");
        JsonPath paid = pay(c.finance(), enrollment, "BANK-0001");
        assertEquals("PAID", paid.getString("data.markDisbursementPaid.status"));
        assertEquals("BANK-0001", paid.getString("data.markDisbursementPaid.reference"));
        assertNotNull(paid.getString("data.markDisbursementPaid.paidAt"));
        assertEquals("PAID", pay(c.finance(), completion, "BANK-0002").getString("data.markDisbursementPaid.status"));
        assertEquals(0, Gql.op("PendingDisbursements").as(c.finance()).var("campaignId", "" + c.w().campaign()).ok()
                .getInt("data.pendingDisbursements.totalCount"));

        // the worker's own view of the case: enrollment, both instalments paid, the academy's steps in the history
        JsonPath detail = Gql.op("ApplicationDetail").as(c.w().workerToken()).var("id", "" + c.id()).ok();
        assertEquals("COMPLETED", detail.getString("data.application.status"));
        assertEquals("COMPLETED", detail.getString("data.application.enrollment.status"));
        assertEquals("CERT-9", detail.getString("data.application.enrollment.certificateNo"));
        assertNotNull(detail.getString("data.application.enrollment.enrolledAt"));
        assertNotNull(detail.getString("data.application.enrollment.completedAt"));
        assertEquals(List.of("ENROLLMENT", "COMPLETION"), detail.getList("data.application.disbursements.stage"));
        assertEquals(List.of("PAID", "PAID"), detail.getList("data.application.disbursements.status"));
        assertEquals(List.of("BANK-0001", "BANK-0002"), detail.getList("data.application.disbursements.reference"));
        List<Integer> amounts = detail.getList("data.application.disbursements.amountFen");
        assertEquals(detail.getInt("data.application.subsidyFen"), amounts.stream().mapToInt(Integer::intValue).sum());
        assertEquals(List.of("SUBMIT", "APPROVE", "ENROLL", "COMPLETE"), detail.getList("data.application.history.action"));
        assertEquals(List.of("worker", "reviewer", "academy", "academy"), detail.getList("data.application.history.actorRole"));
    }

    @Test
    void anInstalmentIsPaidOnceTheSameReferenceAgainChangesNothing() {
        Case c = completedCase();
        long enrollment = c.instalment(db, "ENROLLMENT");
        JsonPath first = pay(c.finance(), enrollment, "BANK-1");
        String after = row(enrollment);
        JsonPath again = pay(c.finance(), enrollment, "BANK-1");
        assertEquals(first.getString("data.markDisbursementPaid.paidAt"), again.getString("data.markDisbursementPaid.paidAt"));
        assertEquals("BANK-1", again.getString("data.markDisbursementPaid.reference"));
        assertEquals(after, row(enrollment));
        assertThat(pay(c.finance(), enrollment, "BANK-2").getString("errors[0].extensions.code"), equalTo("ILLEGAL_TRANSITION"));
        assertEquals(after, row(enrollment));

        long completion = c.instalment(db, "COMPLETION");
        String pending = row(completion);
        Fixtures.Tree t = c.w().tree();
        Fixtures.Tree elsewhere = fx.treeUnder(t.province(), t.provinceCode());
        assertThat(pay(Tokens.finance("fin-x", elsewhere.cityCode()), completion, "B").getString("errors[0].extensions.code"),
                equalTo("NOT_FOUND"));
        assertThat(pay(Tokens.finance("fin-y", "NO-SUCH-UNIT"), completion, "B").getString("errors[0].extensions.code"),
                equalTo("FORBIDDEN"));
        assertThat(pay(c.finance(), 999_999_999L, "B").getString("errors[0].extensions.code"), equalTo("NOT_FOUND"));
        assertThat(pay(c.finance(), completion, "  ").getString("errors[0].extensions.code"), equalTo("VALIDATION"));
        for (String token : List.of(c.w().workerToken(), Tokens.reviewer("rv", t.cityCode()), Tokens.admin("ad", t.provinceCode()),
                Tokens.academy("client", c.w().academyCode()), Tokens.auditor("au", t.provinceCode()))) {
            assertThat(pay(token, completion, "B").getString("errors[0].extensions.code"), equalTo("FORBIDDEN"));
            assertThat(Gql.op("PendingDisbursements").as(token).var("campaignId", "" + c.w().campaign()).errorCode(), equalTo("FORBIDDEN"));
        }
        assertThat(Gql.op("PendingDisbursements").as(c.finance()).vars(Map.of("campaignId", "" + c.w().campaign(), "first", 501))
                .errorCode(), equalTo("BATCH_TOO_LARGE"));
        assertEquals(pending, row(completion));
    }

    @Test
    void concurrentPaymentsPayOnce() throws Exception {
        Case c = completedCase();
        long completion = c.instalment(db, "COMPLETION");
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String reference = "BANK-RACE-" + (i % 6);
            calls.add(() -> {
                JsonPath r = pay(c.finance(), completion, reference);
                String code = r.getString("errors[0].extensions.code");
                return code != null ? code : "PAID:" + r.getString("data.markDisbursementPaid.reference");
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(12);
        List<String> outcomes = new ArrayList<>();
        try {
            for (Future<String> f : threads.invokeAll(calls)) {
                outcomes.add(f.get());
            }
        } finally {
            threads.shutdownNow();
        }
        String winner = (String) db.one("SELECT reference FROM disbursement WHERE id = ? AND status = 'PAID'", completion);
        // the two calls with the winning reference both answer PAID (one paid, one found it paid); every other one is refused
        assertEquals(2, outcomes.stream().filter(("PAID:" + winner)::equals).count(), outcomes.toString());
        assertEquals(10, outcomes.stream().filter("ILLEGAL_TRANSITION"::equals).count(), outcomes.toString());
        assertEquals(1, db.count("SELECT count(*) FROM disbursement WHERE application_id = ? AND stage = 'COMPLETION'", c.id()));
    }
}
