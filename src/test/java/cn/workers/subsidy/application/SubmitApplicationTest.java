package cn.workers.subsidy.application;

import cn.workers.subsidy.support.Concurrently;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SubmitApplicationTest {

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    private long applications(long worker) {
        return db.count("SELECT count(*) FROM application WHERE worker_id = ?", worker);
    }

    @Test
    void submitsAtTheFirstStageWithTheCappedSubsidy() {
        World w = World.create(fx, "GRASSROOTS,TOWNSHIP,COUNTY,CITY");
        JsonPath r = w.submission(w.workerSubject(), w.educationCourse(), "r1").ok();
        assertThat(r.getString("data.submitApplication.status"), equalTo("SUBMITTED"));
        assertThat(r.getString("data.submitApplication.currentStage"), equalTo("GRASSROOTS"));
        assertThat(r.getInt("data.submitApplication.version"), equalTo(1));
        assertThat(r.getString("data.submitApplication.fromLevel"), equalTo("HIGH_SCHOOL"));
        assertThat(r.getString("data.submitApplication.targetLevel"), equalTo("ASSOCIATE"));
        // standard 300,000 fen capped by the tuition of 250,000 fen
        assertThat(r.getInt("data.submitApplication.subsidyFen"), equalTo(250000));
        assertThat(r.getString("data.submitApplication.course.academy.code"), equalTo(w.academyCode()));
        long id = Long.parseLong(r.getString("data.submitApplication.id"));
        assertEquals(w.tree().grassroots(), ((Number) db.one("SELECT stage_unit_id FROM application WHERE id = ?", id)).longValue());
        assertEquals(1, db.count("SELECT count(*) FROM application_history WHERE application_id = ? AND action = 'SUBMIT'", id));
        // the answer's updatedAt is what the database wrote (the transaction's start), to the microsecond
        String stored = (String) db.one("SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') FROM application WHERE id = ?", id);
        assertEquals(java.time.LocalDateTime.parse(stored), java.time.OffsetDateTime.parse(r.getString("data.submitApplication.updatedAt"))
                .withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime());
        // campaign and course came with the submission's own read: same values as stored
        assertThat(r.getString("data.submitApplication.campaign.id"), equalTo(String.valueOf(w.campaign())));
        assertThat(r.getString("data.submitApplication.course.id"), equalTo(String.valueOf(w.educationCourse())));
    }

    @Test
    void standardCapsTheSubsidyWhenTuitionIsHigher() {
        World w = World.create(fx, "GRASSROOTS");
        JsonPath r = w.submission(w.workerSubject(), w.skillCourse(), "r1").ok();
        assertThat(r.getInt("data.submitApplication.subsidyFen"), equalTo(300000));
        assertThat(r.get("data.submitApplication.fromLevel"), equalTo(null));
    }

    @Test
    void sameClientRequestIdGivesTheSameApplication() {
        World w = World.create(fx, "GRASSROOTS");
        String first = w.submission(w.workerSubject(), w.educationCourse(), "same").ok()
                .getString("data.submitApplication.id");
        String again = w.submission(w.workerSubject(), w.educationCourse(), "same").ok()
                .getString("data.submitApplication.id");
        assertEquals(first, again);
        assertEquals(1, applications(w.worker()));
    }

    @Test
    void concurrentReplaysOfOneRequestMakeOneApplication() throws Exception {
        World w = World.create(fx, "GRASSROOTS");
        List<String> ids = Concurrently.times(12, i -> {
            JsonPath r = w.submission(w.workerSubject(), w.educationCourse(), "one-request").send();
            String id = r.getString("data.submitApplication.id");
            return id != null ? id : r.getString("errors[0].extensions.code") + ":" + r.getString("errors[0].message");
        });
        assertEquals(1, ids.stream().distinct().count(), "every replay answers with the same application: " + ids);
        assertEquals(1, applications(w.worker()));
    }

    @Test
    void concurrentDifferentRequestsMakeOneApplicationAndDuplicates() throws Exception {
        World w = World.create(fx, "GRASSROOTS");
        List<String> outcomes = Concurrently.times(12, i -> {
            JsonPath r = w.submission(w.workerSubject(), w.educationCourse(), "req-" + i).send();
            return r.getString("errors[0].extensions.code") != null ? r.getString("errors[0].extensions.code") : "CREATED";
        });
        assertEquals(1, outcomes.stream().filter("CREATED"::equals).count(), outcomes.toString());
        assertEquals(11, outcomes.stream().filter("DUPLICATE_APPLICATION"::equals).count(), outcomes.toString());
        assertEquals(1, applications(w.worker()));
    }

    // ───────────── eligibility: each rule refused with its own code, nothing stored ─────────────

    private void refused(String token, long worker, long campaign, long course, String code) {
        assertThat(Gql.op("SubmitApplication").as(token).var("input", World.submitInput(campaign, course, Fixtures.unique("r"))).errorCode(), equalTo(code));
        if (worker > 0) {
            assertEquals(0, applications(worker), "nothing stored for " + code);
        }
    }

    @Test
    void withoutProfileItIsProfileIncomplete() {
        World w = World.create(fx, "GRASSROOTS");
        String stranger = Fixtures.unique("no-profile-");
        refused(Tokens.TEST.worker(stranger), -1, w.campaign(), w.educationCourse(), "PROFILE_INCOMPLETE");
        assertEquals(0, db.count("SELECT count(*) FROM application a JOIN worker x ON x.id = a.worker_id WHERE x.subject = ?", stranger));
    }

    @Test
    void campaignNotOpenOrOutsideItsWindow() {
        World w = World.create(fx, "GRASSROOTS");
        long draft = fx.campaign("DRAFT", "GRASSROOTS", Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS), null, null, 50);
        long closedWindow = fx.campaign("OPEN", "GRASSROOTS", Instant.now().minus(9, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS), null, null, 50);
        long notYet = fx.campaign("OPEN", "GRASSROOTS", Instant.now().plus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS), null, null, 50);
        for (long c : new long[] {draft, closedWindow, notYet}) {
            long course = fx.course(c, w.academy(), "EDUCATION", "ASSOCIATE", 100000);
            refused(w.workerToken(), w.worker(), c, course, "CAMPAIGN_NOT_OPEN");
        }
    }

    @Test
    void ageOutsideTheCampaignBounds() {
        World w = World.create(fx, "GRASSROOTS");
        long campaign = fx.campaign("OPEN", "GRASSROOTS", Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS), 18, 25, 50);
        long course = fx.course(campaign, w.academy(), "EDUCATION", "ASSOCIATE", 100000);
        refused(w.workerToken(), w.worker(), campaign, course, "AGE_OUT_OF_RANGE");
    }

    @Test
    void notFrontlineOrPublicInstitutionIsNotEligible() {
        World w = World.create(fx, "GRASSROOTS");
        String office = Fixtures.unique("office-");
        long officeWorker = fx.worker(office, w.tree().grassroots(), IdNumbers.aged(35), "ENTERPRISE", false, "HIGH_SCHOOL", null);
        refused(Tokens.TEST.worker(office), officeWorker, w.campaign(), w.educationCourse(), "EMPLOYMENT_NOT_ELIGIBLE");
        String civil = Fixtures.unique("civil-");
        long civilServant = fx.worker(civil, w.tree().grassroots(), IdNumbers.aged(35), "PUBLIC_INSTITUTION", true, "HIGH_SCHOOL", null);
        refused(Tokens.TEST.worker(civil), civilServant, w.campaign(), w.educationCourse(), "EMPLOYMENT_NOT_ELIGIBLE");
    }

    @Test
    void courseOfAnotherCampaignIsAMismatch() {
        World w = World.create(fx, "GRASSROOTS");
        long other = fx.openCampaign("GRASSROOTS");
        long foreignCourse = fx.course(other, w.academy(), "EDUCATION", "ASSOCIATE", 100000);
        refused(w.workerToken(), w.worker(), w.campaign(), foreignCourse, "COURSE_MISMATCH");
    }

    @Test
    void targetLevelMustBeAboveTheCurrentOne() {
        World w = World.create(fx, "GRASSROOTS");
        String bachelor = Fixtures.unique("bachelor-");
        long worker = fx.worker(bachelor, w.tree().grassroots(), IdNumbers.aged(30), "ENTERPRISE", true, "BACHELOR", "SKILL_3");
        refused(Tokens.TEST.worker(bachelor), worker, w.campaign(), w.educationCourse(), "LEVEL_NOT_HIGHER");
        refused(Tokens.TEST.worker(bachelor), worker, w.campaign(), w.skillCourse(), "LEVEL_NOT_HIGHER");
    }

    @Test
    void oneLiveApplicationPerCampaign() {
        World w = World.create(fx, "GRASSROOTS");
        w.submission(w.workerSubject(), w.educationCourse(), "first").ok();
        assertThat(w.submission(w.workerSubject(), w.skillCourse(), "second").errorCode(),
                equalTo("DUPLICATE_APPLICATION"));
        assertEquals(1, applications(w.worker()));
    }

    @Test
    void neverSubsidisedTwiceForTheSameLevel() {
        World w = World.create(fx, "GRASSROOTS");
        long earlier = fx.openCampaign("GRASSROOTS");
        long earlierCourse = fx.course(earlier, w.academy(), "EDUCATION", "ASSOCIATE", 100000);
        long old = fx.application(w.worker(), earlier, earlierCourse, "GRASSROOTS", w.tree().grassroots(), true);
        long pool = fx.pool(earlier, w.tree().city(), "EDUCATION", 5);
        db.update("UPDATE quota_pool SET approved = 1 WHERE id = ?", pool);
        db.update("UPDATE application SET status = 'COMPLETED', current_stage = NULL, stage_unit_id = NULL, quota_pool_id = ? WHERE id = ?", pool, old);
        refused(w.workerToken(), -1, w.campaign(), w.educationCourse(), "ALREADY_SUBSIDIZED");
        assertEquals(0, db.count("SELECT count(*) FROM application WHERE worker_id = ? AND campaign_id = ?", w.worker(), w.campaign()));
    }

    @Test
    void onlyWorkersSubmit() {
        World w = World.create(fx, "GRASSROOTS");
        for (String token : List.of(Tokens.TEST.reviewer("rv", w.tree().grassroots() + ""), Tokens.TEST.admin("ad", w.tree().provinceCode()),
                Tokens.TEST.academy("ac", w.academyCode()), Tokens.TEST.finance("fi", w.tree().provinceCode()), Tokens.TEST.auditor("au", w.tree().provinceCode()))) {
            refused(token, w.worker(), w.campaign(), w.educationCourse(), "FORBIDDEN");
        }
        refused(null, w.worker(), w.campaign(), w.educationCourse(), "UNAUTHENTICATED");
    }

    @Test
    void malformedIdsAreNotFound() {
        World w = World.create(fx, "GRASSROOTS");
        assertThat(Gql.op("SubmitApplication").as(w.workerToken()).var("input", Map.of("campaignId", "not-a-number",
                "courseId", String.valueOf(w.educationCourse()), "clientRequestId", "x")).errorCode(), equalTo("NOT_FOUND"));
        assertThat(w.submission(w.workerSubject(), w.educationCourse(), " ").errorCode(),
                equalTo("VALIDATION"));
        assertEquals(0, applications(w.worker()));
        assertThat(Gql.op("MyApplications").as(w.workerToken()).ok().getList("data.myApplications"), hasSize(0));
    }
}
