package cn.workers.subsidy.disbursement;

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

import static cn.workers.subsidy.support.Sync.at;
import static cn.workers.subsidy.support.Sync.completed;
import static cn.workers.subsidy.support.Sync.event;
import static cn.workers.subsidy.support.Sync.send;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        send(Tokens.TEST.academy("client-fin", w.academyCode()), List.of(event(id, ref, "ENROLLED", at(1)), completed(id, ref, at(2), "CERT-9")));
        return new Case(w, id, Tokens.TEST.finance(Fixtures.unique("fin-"), w.tree().provinceCode()));
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
        assertEquals(2, Gql.op("PendingDisbursements").as(Tokens.TEST.finance("fin-city", c.w().tree().cityCode()))
                .var("campaignId", "" + c.w().campaign()).ok().getInt("data.pendingDisbursements.totalCount"));
        Fixtures.Tree elsewhere = fx.treeUnder(c.w().tree().province(), c.w().tree().provinceCode());
        assertEquals(0, Gql.op("PendingDisbursements").as(Tokens.TEST.finance("fin-other", elsewhere.cityCode()))
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
    void pendingListsOfTwoCampaignsDoNotMix() {
        // one academy, one union tree, two open campaigns: one sync batch writes the instalments of both
        World w = World.create(fx, "GRASSROOTS,CITY");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 10);
        long second = fx.openCampaign("GRASSROOTS,CITY");
        long secondCourse = fx.course(second, w.academy(), "EDUCATION", "ASSOCIATE", 250000);
        long secondPool = fx.pool(second, w.tree().city(), "EDUCATION", 10);
        long a1 = fx.approved(w.campaign(), w.educationCourse(), w.tree().grassroots(), pool);
        long b1 = fx.approved(second, secondCourse, w.tree().grassroots(), secondPool);
        long a2 = fx.approved(w.campaign(), w.educationCourse(), w.tree().grassroots(), pool);
        send(Tokens.TEST.academy("client-fin2", w.academyCode()), List.of(event(a1, Fixtures.unique("STU-"), "ENROLLED", at(1)),
                event(b1, Fixtures.unique("STU-"), "ENROLLED", at(1)), event(a2, Fixtures.unique("STU-"), "ENROLLED", at(1))));

        // every row the sync wrote carries its application's campaign
        assertEquals(List.of(a1 + ":" + w.campaign(), b1 + ":" + second, a2 + ":" + w.campaign()), db.column("SELECT d.application_id || ':'"
                + " || d.campaign_id FROM disbursement d WHERE d.application_id IN (?, ?, ?) ORDER BY d.id", a1, b1, a2).stream()
                .map(Object::toString).toList());

        // each campaign's list holds its own instalments, the other campaign's row between them left out, page by page too
        String finance = Tokens.TEST.finance(Fixtures.unique("fin-"), w.tree().provinceCode());
        JsonPath first = Gql.op("PendingDisbursements").as(finance).vars(Map.of("campaignId", "" + w.campaign(), "first", 1)).ok();
        assertEquals(2, first.getInt("data.pendingDisbursements.totalCount"));
        assertEquals(List.of("" + a1), first.getList("data.pendingDisbursements.edges.node.application.id"));
        JsonPath next = Gql.op("PendingDisbursements").as(finance).vars(Map.of("campaignId", "" + w.campaign(), "first", 1,
                "after", first.getString("data.pendingDisbursements.pageInfo.endCursor"))).ok();
        assertEquals(List.of("" + a2), next.getList("data.pendingDisbursements.edges.node.application.id"));
        assertFalse(next.getBoolean("data.pendingDisbursements.pageInfo.hasNextPage"));
        JsonPath other = Gql.op("PendingDisbursements").as(finance).var("campaignId", "" + second).ok();
        assertEquals(1, other.getInt("data.pendingDisbursements.totalCount"));
        assertEquals(List.of("" + b1), other.getList("data.pendingDisbursements.edges.node.application.id"));
        // and the union scope still applies within a campaign
        Fixtures.Tree elsewhere = fx.treeUnder(w.tree().province(), w.tree().provinceCode());
        assertEquals(0, Gql.op("PendingDisbursements").as(Tokens.TEST.finance("fin-other2", elsewhere.cityCode()))
                .var("campaignId", "" + second).ok().getInt("data.pendingDisbursements.totalCount"));
    }

    @Test
    void anInstalmentsCampaignIsItsApplicationsWhoeverWritesIt() {
        World w = World.create(fx, "GRASSROOTS");
        long app = fx.application(w.worker(), w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true);
        long otherCampaign = fx.openCampaign("GRASSROOTS");

        // a writer that leaves the campaign out (a hand-run fix, a replica still on the code before V6) gets the application's
        long id = ((Number) db.one("INSERT INTO disbursement (application_id, stage, amount_fen) VALUES (?, 'ENROLLMENT', 1000)"
                + " RETURNING id", app)).longValue();
        assertEquals(w.campaign(), db.count("SELECT campaign_id FROM disbursement WHERE id = ?", id));
        // one that names another campaign is refused, on insert and on update
        assertThrows(IllegalStateException.class, () -> db.update("INSERT INTO disbursement (application_id, campaign_id, stage, amount_fen)"
                + " VALUES (?, ?, 'COMPLETION', 1000)", app, otherCampaign));
        assertThrows(IllegalStateException.class, () -> db.update("UPDATE disbursement SET campaign_id = ? WHERE id = ?", otherCampaign, id));
        assertEquals(List.of("ENROLLMENT:" + w.campaign()), db.column("SELECT stage || ':' || campaign_id FROM disbursement"
                + " WHERE application_id = ?", app).stream().map(Object::toString).toList());
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
        assertThat(pay(Tokens.TEST.finance("fin-x", elsewhere.cityCode()), completion, "B").getString("errors[0].extensions.code"),
                equalTo("NOT_FOUND"));
        assertThat(pay(Tokens.TEST.finance("fin-y", "NO-SUCH-UNIT"), completion, "B").getString("errors[0].extensions.code"),
                equalTo("FORBIDDEN"));
        assertThat(pay(c.finance(), 999_999_999L, "B").getString("errors[0].extensions.code"), equalTo("NOT_FOUND"));
        assertThat(pay(c.finance(), completion, "  ").getString("errors[0].extensions.code"), equalTo("VALIDATION"));
        for (String token : List.of(c.w().workerToken(), Tokens.TEST.reviewer("rv", t.cityCode()), Tokens.TEST.admin("ad", t.provinceCode()),
                Tokens.TEST.academy("client", c.w().academyCode()), Tokens.TEST.auditor("au", t.provinceCode()))) {
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
        List<String> outcomes = Concurrently.run(12, calls);
        String winner = (String) db.one("SELECT reference FROM disbursement WHERE id = ? AND status = 'PAID'", completion);
        // the two calls with the winning reference both answer PAID (one paid, one found it paid); every other one is refused
        assertEquals(2, outcomes.stream().filter(("PAID:" + winner)::equals).count(), outcomes.toString());
        assertEquals(10, outcomes.stream().filter("ILLEGAL_TRANSITION"::equals).count(), outcomes.toString());
        assertEquals(1, db.count("SELECT count(*) FROM disbursement WHERE application_id = ? AND stage = 'COMPLETION'", c.id()));
    }
}
