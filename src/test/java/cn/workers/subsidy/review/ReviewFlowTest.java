package cn.workers.subsidy.review;

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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ReviewFlowTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    private JsonPath approve(String token, long id, int version) {
        return Gql.op("ApproveApplication").as(token).vars(Map.of("id", "" + id, "expectedVersion", version, "comment", "ok")).send();
    }

    /** status, version, number of history entries */
    private String snapshot(long id) {
        Object[] r = db.row("SELECT status, version, coalesce(current_stage, '-'), (SELECT count(*) FROM application_history h"
                + " WHERE h.application_id = a.id) FROM application a WHERE id = ?", id);
        return r[0] + "/" + r[1] + "/" + r[2] + "/" + r[3];
    }

    @Test
    void aCaseWalksEveryStageAndTakesAPlaceAtTheLast() {
        World w = World.create(fx, "GRASSROOTS,TOWNSHIP,COUNTY,CITY");
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 10);
        long id = w.submit();
        Fixtures.Tree t = w.tree();
        String[][] chain = {{t.grassrootsCode(), "IN_REVIEW", "TOWNSHIP"}, {t.townshipCode(), "IN_REVIEW", "COUNTY"},
                {t.countyCode(), "IN_REVIEW", "CITY"}, {t.cityCode(), "APPROVED", null}};
        int version = 1;
        for (String[] step : chain) {
            JsonPath r = approve(Tokens.TEST.reviewer(Fixtures.unique("rv-"), step[0]), id, version);
            assertThat(r.prettify(), r.getString("data.approveApplication.status"), equalTo(step[1]));
            assertThat(r.getString("data.approveApplication.currentStage"), equalTo(step[2]));
            version = r.getInt("data.approveApplication.version");
        }
        assertEquals(5, version);
        assertEquals(1L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertEquals(1, db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ? AND reason = 'APPROVE' AND application_id = ?"
                + " AND delta = -1 AND approved_after = 1 AND allocated_after = 10", pool, id));
        assertEquals(pool, ((Number) db.one("SELECT quota_pool_id FROM application WHERE id = ?", id)).longValue());
        JsonPath detail = Gql.op("ApplicationDetail").as(w.workerToken()).var("id", "" + id).ok();
        assertThat(detail.getList("data.application.history.action"), contains("SUBMIT", "APPROVE", "APPROVE", "APPROVE", "APPROVE"));
        assertThat(detail.getList("data.application.history.actorRole"), contains("worker", "reviewer", "reviewer", "reviewer", "reviewer"));
    }

    @Test
    void theQueueShowsTheStagesCasesFirstComeFirstServedWithMaskedIds() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String subject = Fixtures.unique("q-");
            long worker = fx.worker(subject, w.tree().grassroots());
            ids.add(fx.application(worker, w.campaign(), w.educationCourse(), "GRASSROOTS", w.tree().grassroots(), true));
        }
        String reviewer = Tokens.TEST.reviewer("rv-q", w.tree().grassrootsCode());
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = Gql.op("ReviewQueue").as(reviewer).vars(Map.of("campaignId", "" + w.campaign(), "stage", "GRASSROOTS", "first", 2))
                    .varIfSet("after", after).ok();
            assertThat(page.getInt("data.reviewQueue.totalCount"), equalTo(5));
            seen.addAll(page.getList("data.reviewQueue.edges.node.id"));
            page.getList("data.reviewQueue.edges.node.worker.idNumberMasked", String.class)
                    .forEach(m -> assertThat(m.substring(6, 14), equalTo("********")));
            after = page.getBoolean("data.reviewQueue.pageInfo.hasNextPage") ? page.getString("data.reviewQueue.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(ids.stream().map(String::valueOf).toList(), seen);

        // the city reviewer works another stage; the same-level union next door sees nothing of it
        assertThat(Gql.op("ReviewQueue").as(Tokens.TEST.reviewer("rv-c", w.tree().cityCode()))
                .vars(Map.of("campaignId", "" + w.campaign(), "stage", "GRASSROOTS")).errorCode(), equalTo("FORBIDDEN"));
        Fixtures.Tree elsewhere = fx.treeUnder(w.tree().province(), w.tree().provinceCode());
        assertThat(Gql.op("ReviewQueue").as(Tokens.TEST.reviewer("rv-x", elsewhere.grassrootsCode()))
                .vars(Map.of("campaignId", "" + w.campaign(), "stage", "GRASSROOTS")).ok().getList("data.reviewQueue.edges"), hasSize(0));
        assertThat(Gql.op("ReviewQueue").as(reviewer).vars(Map.of("campaignId", "" + w.campaign(), "stage", "GRASSROOTS", "first", 501))
                .errorCode(), equalTo("BATCH_TOO_LARGE"));
        assertThat(Gql.op("ReviewQueue").as(w.workerToken()).vars(Map.of("campaignId", "" + w.campaign(), "stage", "GRASSROOTS"))
                .errorCode(), equalTo("FORBIDDEN"));
    }

    @Test
    void wrongStageOtherSubtreeStaleVersionAndWrongRoleChangeNothing() {
        World w = World.create(fx, "GRASSROOTS,TOWNSHIP");
        long id = w.submit();
        String before = snapshot(id);
        Fixtures.Tree elsewhere = fx.treeUnder(w.tree().province(), w.tree().provinceCode());
        assertThat(approve(Tokens.TEST.reviewer("rv-t", w.tree().townshipCode()), id, 1).getString("errors[0].extensions.code"),
                equalTo("ILLEGAL_TRANSITION"));
        assertThat(approve(Tokens.TEST.reviewer("rv-o", elsewhere.grassrootsCode()), id, 1).getString("errors[0].extensions.code"),
                equalTo("NOT_FOUND"));
        assertThat(approve(Tokens.TEST.reviewer("rv-g", w.tree().grassrootsCode()), id, 2).getString("errors[0].extensions.code"),
                equalTo("VERSION_CONFLICT"));
        assertThat(approve(w.workerToken(), id, 1).getString("errors[0].extensions.code"), equalTo("FORBIDDEN"));
        assertThat(approve(Tokens.TEST.admin("ad", w.tree().provinceCode()), id, 1).getString("errors[0].extensions.code"), equalTo("FORBIDDEN"));
        assertThat(approve(Tokens.TEST.token("rv-none", List.of("reviewer"), null, null), id, 1).getString("errors[0].extensions.code"),
                equalTo("FORBIDDEN"));
        assertThat(Gql.op("RejectApplication").as(Tokens.TEST.reviewer("rv-g", w.tree().grassrootsCode()))
                .vars(Map.of("id", "" + id, "expectedVersion", 1, "reason", " ")).errorCode(), equalTo("VALIDATION"));
        assertEquals(before, snapshot(id));
    }

    @Test
    void returnAndRejectEndTheStageWithAReason() {
        World w = World.create(fx, "GRASSROOTS");
        long returned = w.submit();
        String rv = Tokens.TEST.reviewer("rv", w.tree().grassrootsCode());
        JsonPath r = Gql.op("ReturnApplication").as(rv).vars(Map.of("id", "" + returned, "expectedVersion", 1, "reason", "缺少学历证明")).ok();
        assertThat(r.getString("data.returnApplication.status"), equalTo("RETURNED"));
        assertEquals("缺少学历证明", db.one("SELECT comment FROM application_history WHERE application_id = ? AND action = 'RETURN'", returned));
        // back in review after a resubmit, then rejected for good
        Gql.op("ResubmitApplication").as(w.workerToken()).vars(Map.of("id", "" + returned, "expectedVersion", 2)).ok();
        JsonPath rej = Gql.op("RejectApplication").as(rv).vars(Map.of("id", "" + returned, "expectedVersion", 3, "reason", "不符合条件")).ok();
        assertThat(rej.getString("data.rejectApplication.status"), equalTo("REJECTED"));
        String after = snapshot(returned);
        assertThat(approve(rv, returned, 4).getString("errors[0].extensions.code"), equalTo("ILLEGAL_TRANSITION"));
        assertEquals(after, snapshot(returned));
    }

    @Test
    void noPoolOrAFullPoolLeavesTheCaseWhereItWas() {
        World w = World.create(fx, "GRASSROOTS");
        long id = w.submit();
        String rv = Tokens.TEST.reviewer("rv", w.tree().grassrootsCode());
        String before = snapshot(id);
        assertThat(approve(rv, id, 1).getString("errors[0].extensions.code"), equalTo("NO_QUOTA_POOL"));
        assertEquals(before, snapshot(id));
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 0);
        assertThat(approve(rv, id, 1).getString("errors[0].extensions.code"), equalTo("QUOTA_EXHAUSTED"));
        assertEquals(before, snapshot(id));
        assertEquals(0L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertEquals(0, db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ?", pool));
        // a pool nearer the worker wins over the city's
        long countyPool = fx.pool(w.campaign(), w.tree().county(), "EDUCATION", 1);
        assertThat(approve(rv, id, 1).getString("data.approveApplication.status"), equalTo("APPROVED"));
        assertEquals(1L, db.count("SELECT approved FROM quota_pool WHERE id = ?", countyPool));
    }
}
