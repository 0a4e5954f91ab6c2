package cn.workers.subsidy.application;

import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.Gql;
import cn.workers.subsidy.support.Tokens;
import cn.workers.subsidy.support.World;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Resubmit, withdraw, the worker's list and detail: owners only, right status, current version. */
@QuarkusTest
class WorkerCaseTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    private Object[] state(long id) {
        return db.row("SELECT status, version FROM application WHERE id = ?", id);
    }

    @Test
    void returnedApplicationIsResubmittedForAnotherCourse() {
        World w = World.create(fx, "GRASSROOTS,TOWNSHIP");
        long id = w.submit();
        db.update("UPDATE application SET status = 'RETURNED', current_stage = NULL, stage_unit_id = NULL, version = 2 WHERE id = ?", id);
        JsonPath r = Gql.op("ResubmitApplication").as(w.workerToken())
                .vars(Map.of("id", "" + id, "expectedVersion", 2, "courseId", "" + w.skillCourse())).ok();
        assertThat(r.getString("data.resubmitApplication.status"), equalTo("SUBMITTED"));
        assertThat(r.getString("data.resubmitApplication.currentStage"), equalTo("GRASSROOTS"));
        assertThat(r.getString("data.resubmitApplication.track"), equalTo("SKILL"));
        assertThat(r.getInt("data.resubmitApplication.version"), equalTo(3));
        assertEquals(1, db.count("SELECT count(*) FROM application_history WHERE application_id = ? AND action = 'RESUBMIT'", id));
    }

    @Test
    void resubmitRefusesStaleVersionWrongStatusAndOtherWorkers() {
        World w = World.create(fx, "GRASSROOTS");
        long id = w.submit();
        assertThat(Gql.op("ResubmitApplication").as(w.workerToken()).vars(Map.of("id", "" + id, "expectedVersion", 1)).errorCode(),
                equalTo("ILLEGAL_TRANSITION"));
        db.update("UPDATE application SET status = 'RETURNED', current_stage = NULL, stage_unit_id = NULL, version = 2 WHERE id = ?", id);
        assertThat(Gql.op("ResubmitApplication").as(w.workerToken()).vars(Map.of("id", "" + id, "expectedVersion", 1)).errorCode(),
                equalTo("VERSION_CONFLICT"));
        World other = World.create(fx, "GRASSROOTS");
        assertThat(Gql.op("ResubmitApplication").as(other.workerToken()).vars(Map.of("id", "" + id, "expectedVersion", 2)).errorCode(),
                equalTo("NOT_FOUND"));
        assertThat(state(id)[0], equalTo("RETURNED"));
        assertThat(((Number) state(id)[1]).intValue(), equalTo(2));
    }

    @Test
    void withdrawBeforeReview() {
        World w = World.create(fx, "GRASSROOTS");
        long id = w.submit();
        JsonPath r = Gql.op("WithdrawApplication").as(w.workerToken()).vars(Map.of("id", "" + id, "expectedVersion", 1, "reason", "changed plans")).ok();
        assertThat(r.getString("data.withdrawApplication.status"), equalTo("WITHDRAWN"));
        assertThat(r.get("data.withdrawApplication.currentStage"), equalTo(null));
        assertEquals("changed plans", db.one("SELECT comment FROM application_history WHERE application_id = ? AND action = 'WITHDRAW'", id));
        // a withdrawn case frees the campaign for a new application
        w.submit();
    }

    @Test
    void withdrawingAnApprovedApplicationGivesItsPlaceBack() {
        World w = World.create(fx, "GRASSROOTS");
        long id = w.submit();
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 2);
        db.update("UPDATE quota_pool SET approved = 1 WHERE id = ?", pool);
        db.update("UPDATE application SET status = 'APPROVED', current_stage = NULL, stage_unit_id = NULL, quota_pool_id = ?,"
                + " approved_at = now(), version = 2 WHERE id = ?", pool, id);
        Gql.op("WithdrawApplication").as(w.workerToken()).vars(Map.of("id", "" + id, "expectedVersion", 2)).ok();
        assertEquals(0L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertEquals(1, db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ? AND reason = 'WITHDRAW' AND application_id = ?"
                + " AND delta = 1 AND approved_after = 0", pool, id));
        assertEquals(0, db.count("SELECT count(*) FROM application WHERE id = ? AND quota_pool_id IS NOT NULL", id));
    }

    @Test
    void withdrawRefusedAfterEnrollmentForStaleVersionAndForOthers() {
        World w = World.create(fx, "GRASSROOTS");
        long id = w.submit();
        World other = World.create(fx, "GRASSROOTS");
        assertThat(Gql.op("WithdrawApplication").as(other.workerToken()).vars(Map.of("id", "" + id, "expectedVersion", 1)).errorCode(),
                equalTo("NOT_FOUND"));
        assertThat(Gql.op("WithdrawApplication").as(w.workerToken()).vars(Map.of("id", "" + id, "expectedVersion", 7)).errorCode(),
                equalTo("VERSION_CONFLICT"));
        long pool = fx.pool(w.campaign(), w.tree().city(), "EDUCATION", 2);
        db.update("UPDATE quota_pool SET approved = 1 WHERE id = ?", pool);
        db.update("UPDATE application SET status = 'ENROLLED', current_stage = NULL, stage_unit_id = NULL, quota_pool_id = ?,"
                + " approved_at = now(), version = 3 WHERE id = ?", pool, id);
        assertThat(Gql.op("WithdrawApplication").as(w.workerToken()).vars(Map.of("id", "" + id, "expectedVersion", 3)).errorCode(),
                equalTo("ILLEGAL_TRANSITION"));
        assertThat(state(id)[0], equalTo("ENROLLED"));
        assertEquals(1L, db.count("SELECT approved FROM quota_pool WHERE id = ?", pool));
        assertEquals(1, db.count("SELECT count(*) FROM application_history WHERE application_id = ?", id));
    }

    @Test
    void workersSeeOnlyTheirOwnApplications() {
        World w = World.create(fx, "GRASSROOTS");
        long id = w.submit();
        World other = World.create(fx, "GRASSROOTS");
        assertThat(Gql.op("MyApplications").as(w.workerToken()).ok().getList("data.myApplications.id"), contains("" + id));
        assertThat(Gql.op("MyApplications").as(other.workerToken()).ok().getList("data.myApplications"), hasSize(0));

        JsonPath detail = Gql.op("ApplicationDetail").as(w.workerToken()).var("id", "" + id).ok();
        assertThat(detail.getList("data.application.history.action"), contains("SUBMIT"));
        assertThat(detail.getString("data.application.history[0].actorSubject"), equalTo(w.workerSubject()));
        assertThat(detail.getString("data.application.history[0].toStatus"), equalTo("SUBMITTED"));
        assertThat("the owner sees their full phone", detail.getString("data.application.worker.phone").contains("*"), equalTo(false));
        assertThat(detail.getString("data.application.worker.idNumberMasked").substring(6, 14), equalTo("********"));

        assertThat(Gql.op("ApplicationDetail").as(other.workerToken()).var("id", "" + id).errorCode(), equalTo("NOT_FOUND"));
        assertThat(Gql.op("ApplicationDetail").as(other.workerToken()).var("id", "999999999").errorCode(), equalTo("NOT_FOUND"));
    }

    @Test
    void reviewerOfAnotherCitySeesNothingAndReviewerInScopeSeesMaskedData() {
        World w = World.create(fx, "GRASSROOTS");
        long id = w.submit();
        Fixtures.Tree elsewhere = fx.treeUnder(w.tree().province(), w.tree().provinceCode());
        assertThat(Gql.op("ApplicationDetail").as(Tokens.TEST.reviewer("rv-x", elsewhere.cityCode())).var("id", "" + id).errorCode(),
                equalTo("NOT_FOUND"));
        JsonPath inScope = Gql.op("ApplicationDetail").as(Tokens.TEST.reviewer("rv-in", w.tree().cityCode())).var("id", "" + id).ok();
        assertThat(inScope.getString("data.application.worker.phone").contains("****"), equalTo(true));
        assertThat(inScope.getList("data.application.history"), hasSize(1));
    }

    @Test
    void nonWorkersCannotWithdrawOrList() {
        World w = World.create(fx, "GRASSROOTS");
        long id = w.submit();
        for (String token : List.of(Tokens.TEST.reviewer("r", w.tree().grassrootsCode()), Tokens.TEST.admin("a", w.tree().provinceCode()))) {
            assertThat(Gql.op("WithdrawApplication").as(token).vars(Map.of("id", "" + id, "expectedVersion", 1)).errorCode(), equalTo("FORBIDDEN"));
            assertThat(Gql.op("MyApplications").as(token).errorCode(), equalTo("FORBIDDEN"));
        }
        assertThat(state(id)[0], equalTo("SUBMITTED"));
    }
}
