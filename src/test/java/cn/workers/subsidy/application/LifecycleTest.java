package cn.workers.subsidy.application;

import cn.workers.subsidy.campaign.CampaignService;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.common.security.Caller;
import cn.workers.subsidy.disbursement.Instalments;
import cn.workers.subsidy.support.Db;
import cn.workers.subsidy.support.Fixtures;
import cn.workers.subsidy.support.World;
import cn.workers.subsidy.vocabulary.ApplicationStatus;
import cn.workers.subsidy.vocabulary.DisbursementStage;
import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.ReviewStage;
import cn.workers.subsidy.vocabulary.Roles;
import cn.workers.subsidy.vocabulary.Track;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.workers.subsidy.support.Transactions.refusal;
import static cn.workers.subsidy.support.Transactions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every transition of {@link Lifecycle}, called as its callers call it (lock the case, then ask for the
 * transition, in one transaction), and what it leaves in the database: the case's status, stage and
 * version + 1, its history entry (actor, role, from/to, comment, a time from the database's clock), the
 * quota place taken or given back with its ledger row, and the instalments. And the refusals (wrong
 * role, wrong status, stale version, full pool), each of which changes nothing at all: a place given
 * back before the refused step is rolled back with it. Worlds are built over JDBC ({@link Fixtures}).
 */
@QuarkusTest
class LifecycleTest {

    @Inject
    Lifecycle lifecycle;

    @Inject
    CampaignService campaigns;

    @Inject
    Fixtures fx;

    @Inject
    Db db;

    private static final int SUBSIDY = 200000; // what Fixtures.application gives every case

    private static Caller caller(String role) {
        return new Caller(Fixtures.unique(role + "-"), Set.of(role), null, null);
    }

    /** A world reviewed at the workplace union and then the city, with a city pool of {@code places}. */
    private record Setup(World w, long pool) {
    }

    private Setup setup(int places) {
        World w = World.create(fx, "GRASSROOTS,CITY");
        return new Setup(w, fx.pool(w.campaign(), w.tree().city(), "EDUCATION", places));
    }

    /** A new worker's case SUBMITTED at the first stage (GRASSROOTS), version 1. */
    private long submitted(Setup s) {
        long worker = fx.worker(Fixtures.unique("lc-"), s.w().tree().grassroots());
        return fx.application(worker, s.w().campaign(), s.w().educationCourse(), "GRASSROOTS", s.w().tree().grassroots(), true);
    }

    /** A new worker's case IN_REVIEW at the last stage (CITY), version 1. */
    private long atCity(Setup s) {
        long worker = fx.worker(Fixtures.unique("lc-"), s.w().tree().grassroots());
        return fx.application(worker, s.w().campaign(), s.w().educationCourse(), "CITY", s.w().tree().city(), false);
    }

    /** A new worker's case APPROVED holding a place of the setup's pool, version 2. */
    private long approved(Setup s) {
        return fx.approved(s.w().campaign(), s.w().educationCourse(), s.w().tree().grassroots(), s.pool());
    }

    /** A case RETURNED to its worker after review, version 2, with its RETURN history entry. */
    private long returned(Setup s) {
        long id = submitted(s);
        db.update("UPDATE application SET status = 'RETURNED', current_stage = NULL, stage_unit_id = NULL, version = 2 WHERE id = ?", id);
        db.update("INSERT INTO application_history (application_id, actor_subject, actor_role, action, from_status, to_status, comment)"
                + " VALUES (?, 'fixture', 'reviewer', 'RETURN', 'SUBMITTED', 'RETURNED', 'fix it')", id);
        return id;
    }

    private String workerSubject(long applicationId) {
        return (String) db.one("SELECT w.subject FROM application a JOIN worker w ON w.id = a.worker_id WHERE a.id = ?", applicationId);
    }

    private Caller workerOf(long applicationId) {
        return new Caller(workerSubject(applicationId), Set.of(Roles.WORKER), null, null);
    }

    // ───────────── what a transition leaves behind ─────────────

    /** status, version, current_stage, stage_unit_id, quota_pool_id, approved_at is set */
    private List<Object> state(long id) {
        return Arrays.asList(db.row("SELECT status, version, current_stage, stage_unit_id, quota_pool_id, approved_at IS NOT NULL"
                + " FROM application WHERE id = ?", id));
    }

    /** The newest history entry: actor, role, action, from, to, comment. */
    private List<Object> lastEntry(long id) {
        return Arrays.asList(db.row("SELECT actor_subject, actor_role, action, from_status, to_status, comment FROM application_history"
                + " WHERE application_id = ? ORDER BY id DESC LIMIT 1", id));
    }

    /** The pool's newest ledger row: delta, allocated_after, approved_after, reason, application, actor. */
    private List<Object> lastLedgerRow(long pool) {
        return Arrays.asList(db.row("SELECT delta, allocated_after, approved_after, reason, application_id, actor_subject FROM quota_ledger"
                + " WHERE pool_id = ? ORDER BY id DESC LIMIT 1", pool));
    }

    private long approvedIn(long pool) {
        return db.count("SELECT approved FROM quota_pool WHERE id = ?", pool);
    }

    private long ledgerRows(long pool) {
        return db.count("SELECT count(*) FROM quota_ledger WHERE pool_id = ?", pool);
    }

    /** stage:amount:status of the case's instalments, oldest first. */
    private List<Object> instalments(long id) {
        return db.column("SELECT stage || ':' || amount_fen || ':' || status FROM disbursement WHERE application_id = ? ORDER BY id", id);
    }

    /** Everything a transition could change, for the refusals to show that nothing did. */
    private List<Object> everything(long id, long pool) {
        List<Object> all = new ArrayList<>(Arrays.asList(db.row("SELECT a.status, a.version, a.current_stage, a.stage_unit_id,"
                + " a.quota_pool_id, a.approved_at, a.updated_at, a.course_id, a.subsidy_fen FROM application a WHERE a.id = ?", id)));
        all.add(db.column("SELECT id FROM application_history WHERE application_id = ? ORDER BY id", id));
        all.add(instalments(id));
        all.add(approvedIn(pool));
        all.add(ledgerRows(pool));
        return all;
    }

    private Timestamp dbNow() {
        return (Timestamp) db.one("SELECT clock_timestamp()");
    }

    /**
     * The newest history entry of the case was stamped by the database while the transition's transaction
     * ran: not before it began ({@code updated_at} is the writing transaction's start, V3), not after it
     * ended ({@code after}, the database's clock read once it had committed), later than {@code before}.
     */
    private void assertStampedInTheTransaction(long id, Timestamp before) {
        Timestamp after = dbNow();
        Object[] r = db.row("SELECT h.at, a.updated_at FROM application_history h JOIN application a ON a.id = h.application_id"
                + " WHERE h.application_id = ? ORDER BY h.id DESC LIMIT 1", id);
        Timestamp at = (Timestamp) r[0];
        Timestamp transactionStart = (Timestamp) r[1];
        assertTrue(before.before(transactionStart) && !at.before(transactionStart) && !at.after(after),
                "history time " + at + " within its transaction, which began at " + transactionStart + " (after " + before
                        + ") and committed before " + after);
    }

    /** A transition asked for on a locked case. */
    private interface Transition {
        Uni<ApplicationEntity> on(ApplicationEntity app);
    }

    /**
     * Locks the case at {@code expectedVersion} and asks for the transition, in one transaction, as the
     * callers do; then checks that the new history entry was stamped by the database in that transaction.
     */
    private ApplicationEntity apply(long id, int expectedVersion, Transition transition) {
        Timestamp before = dbNow();
        ApplicationEntity answer = run(() -> lifecycle.lock(id, expectedVersion, a -> true).flatMap(transition::on));
        assertStampedInTheTransaction(id, before);
        return answer;
    }

    /** APPROVE as review asks for it: with the case's campaign (its stages). */
    private Uni<ApplicationEntity> approve(ApplicationEntity app, Caller caller, String comment) {
        return campaigns.require(app.campaignId).flatMap(c -> lifecycle.approve(app, c, caller, comment));
    }

    // ───────────── the worker ─────────────

    @Test
    void submitWritesASubmittedCaseAtTheFirstStageWithItsHistoryEntry() {
        World w = World.create(fx, "GRASSROOTS,CITY");
        String path = (String) db.one("SELECT path FROM org_unit WHERE id = ?", w.tree().grassroots());
        ApplicationEntity draft = new ApplicationEntity();
        draft.workerId = w.worker();
        draft.campaignId = w.campaign();
        draft.courseId = w.educationCourse();
        draft.academyId = w.academy();
        draft.clientRequestId = Fixtures.unique("lc-req-");
        draft.track = Track.EDUCATION;
        draft.fromLevel = Level.HIGH_SCHOOL;
        draft.targetLevel = Level.ASSOCIATE;
        draft.subsidyFen = 250000;
        draft.orgUnitId = w.tree().grassroots();
        draft.orgPath = path;
        Caller worker = new Caller(w.workerSubject(), Set.of(Roles.WORKER), null, null);

        Timestamp before = dbNow();
        ApplicationEntity saved = run(() -> lifecycle.submit(draft, ReviewStage.GRASSROOTS, worker));

        assertNotNull(saved.id);
        assertEquals(1, saved.version);
        assertEquals(Arrays.asList("SUBMITTED", 1, "GRASSROOTS", w.tree().grassroots(), null, false), state(saved.id));
        assertEquals(Arrays.asList(w.workerSubject(), "worker", "SUBMIT", null, "SUBMITTED", null), lastEntry(saved.id));
        assertEquals(1L, db.count("SELECT count(*) FROM application_history WHERE application_id = ?", saved.id));
        assertStampedInTheTransaction(saved.id, before);
        assertEquals(saved.submittedAt.toInstant(), ((Timestamp) db.one("SELECT submitted_at FROM application WHERE id = ?", saved.id))
                .toInstant(), "the answer carries the database's submission time");
    }

    @Test
    void submitIsTheWorkersAlone() {
        World w = World.create(fx, "GRASSROOTS");
        ApplicationEntity draft = new ApplicationEntity();
        draft.workerId = w.worker();
        draft.campaignId = w.campaign();
        draft.orgPath = (String) db.one("SELECT path FROM org_unit WHERE id = ?", w.tree().grassroots());
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> lifecycle.submit(draft, ReviewStage.GRASSROOTS, caller(Roles.REVIEWER))));
        assertEquals(0L, db.count("SELECT count(*) FROM application WHERE worker_id = ?", w.worker()));
    }

    @Test
    void resubmitSendsAReturnedCaseBackToTheFirstStage() {
        Setup s = setup(5);
        long id = returned(s);
        Caller worker = workerOf(id);
        apply(id, 2, app -> lifecycle.resubmit(app, ReviewStage.GRASSROOTS, worker));
        assertEquals(Arrays.asList("SUBMITTED", 3, "GRASSROOTS", s.w().tree().grassroots(), null, false), state(id));
        assertEquals(Arrays.asList(worker.subject(), "worker", "RESUBMIT", "RETURNED", "SUBMITTED", null), lastEntry(id));
    }

    @Test
    void withdrawWithoutAPlaceEndsTheCaseAndTouchesNoPool() {
        Setup s = setup(5);
        long id = submitted(s);
        Caller worker = workerOf(id);
        long ledger = ledgerRows(s.pool());
        apply(id, 1, app -> lifecycle.withdraw(app, worker, "changed my mind"));
        assertEquals(Arrays.asList("WITHDRAWN", 2, null, null, null, false), state(id));
        assertEquals(Arrays.asList(worker.subject(), "worker", "WITHDRAW", "SUBMITTED", "WITHDRAWN", "changed my mind"), lastEntry(id));
        assertEquals(0L, approvedIn(s.pool()));
        assertEquals(ledger, ledgerRows(s.pool()));
        assertEquals(0L, db.count("SELECT count(*) FROM quota_ledger WHERE application_id = ?", id));
    }

    @Test
    void withdrawOfAnApprovedCaseGivesItsPlaceBackWithALedgerRow() {
        Setup s = setup(5);
        long id = approved(s);
        assertEquals(1L, approvedIn(s.pool()));
        Caller worker = workerOf(id);
        apply(id, 2, app -> lifecycle.withdraw(app, worker, null));
        assertEquals(Arrays.asList("WITHDRAWN", 3, null, null, null, true), state(id));
        assertEquals(Arrays.asList(worker.subject(), "worker", "WITHDRAW", "APPROVED", "WITHDRAWN", null), lastEntry(id));
        assertEquals(0L, approvedIn(s.pool()));
        assertEquals(List.of(1, 5, 0, "WITHDRAW", id, worker.subject()), lastLedgerRow(s.pool()));
        assertEquals(1L, db.count("SELECT count(*) FROM quota_ledger l, application_history h WHERE l.application_id = ?"
                + " AND l.reason = 'WITHDRAW' AND h.application_id = l.application_id AND h.action = 'WITHDRAW' AND l.at <= h.at", id),
                "the place went back before the case was written, in the same transaction");
    }

    // ───────────── review ─────────────

    @Test
    void approveBeforeTheLastStageMovesTheCaseOnWithoutAPlace() {
        Setup s = setup(5);
        long id = submitted(s);
        Caller reviewer = caller(Roles.REVIEWER);
        apply(id, 1, app -> approve(app, reviewer, "looks right"));
        assertEquals(Arrays.asList("IN_REVIEW", 2, "CITY", s.w().tree().city(), null, false), state(id));
        assertEquals(Arrays.asList(reviewer.subject(), "reviewer", "APPROVE", "SUBMITTED", "IN_REVIEW", "looks right"), lastEntry(id));
        assertEquals(0L, approvedIn(s.pool()));
        assertEquals(0L, ledgerRows(s.pool()));
    }

    @Test
    void finalApprovalTakesAPlaceOfTheCoveringPool() {
        Setup s = setup(5);
        long id = atCity(s);
        Caller reviewer = caller(Roles.REVIEWER);
        ApplicationEntity answer = apply(id, 1, app -> approve(app, reviewer, null));
        assertEquals(Arrays.asList("APPROVED", 2, null, null, s.pool(), true), state(id));
        assertEquals(Arrays.asList(reviewer.subject(), "reviewer", "APPROVE", "IN_REVIEW", "APPROVED", null), lastEntry(id));
        assertEquals(1L, approvedIn(s.pool()));
        assertEquals(List.of(-1, 5, 1, "APPROVE", id, reviewer.subject()), lastLedgerRow(s.pool()));
        Object[] times = db.row("SELECT a.approved_at, h.at, l.at FROM application a JOIN application_history h ON h.application_id = a.id"
                + " AND h.action = 'APPROVE' JOIN quota_ledger l ON l.application_id = a.id AND l.reason = 'APPROVE' WHERE a.id = ?", id);
        assertFalse(((Timestamp) times[2]).before((Timestamp) times[1]), "the place is taken after the case is written: " + List.of(times));
        assertEquals(((Timestamp) times[0]).toInstant(), answer.approvedAt.toInstant(), "the answer carries the database's approval time");
        assertEquals(s.pool(), answer.quotaPoolId);
    }

    @Test
    void finalApprovalOnAFullPoolRollsTheCasesChangeBack() {
        Setup s = setup(1);
        approved(s); // the pool's one place
        long id = atCity(s);
        List<Object> before = everything(id, s.pool());
        assertEquals(ErrorCode.QUOTA_EXHAUSTED, refusal(() -> lifecycle.lock(id, 1, a -> true)
                .flatMap(app -> approve(app, caller(Roles.REVIEWER), "yes"))));
        assertEquals(before, everything(id, s.pool()), "the case written before the place was refused is rolled back");
        assertEquals(Arrays.asList("IN_REVIEW", 1, "CITY", s.w().tree().city(), null, false), state(id));
    }

    @Test
    void finalApprovalWithoutACoveringPoolIsRefused() {
        Setup s = setup(5);
        World elsewhere = World.create(fx, "GRASSROOTS,CITY");
        long worker = fx.worker(Fixtures.unique("lc-"), elsewhere.tree().grassroots());
        long id = fx.application(worker, s.w().campaign(), s.w().educationCourse(), "CITY", elsewhere.tree().city(), false);
        List<Object> before = everything(id, s.pool());
        assertEquals(ErrorCode.NO_QUOTA_POOL, refusal(() -> lifecycle.lock(id, 1, a -> true)
                .flatMap(app -> approve(app, caller(Roles.REVIEWER)))));
        assertEquals(before, everything(id, s.pool()));
    }

    @Test
    void sendBackReturnsTheCaseToItsWorkerWithTheReason() {
        Setup s = setup(5);
        long id = atCity(s);
        Caller reviewer = caller(Roles.REVIEWER);
        apply(id, 1, app -> lifecycle.sendBack(app, reviewer, "the certificate is missing"));
        assertEquals(Arrays.asList("RETURNED", 2, null, null, null, false), state(id));
        assertEquals(Arrays.asList(reviewer.subject(), "reviewer", "RETURN", "IN_REVIEW", "RETURNED", "the certificate is missing"),
                lastEntry(id));
        assertEquals(0L, ledgerRows(s.pool()));
    }

    @Test
    void rejectEndsTheCase() {
        Setup s = setup(5);
        long id = submitted(s);
        Caller reviewer = caller(Roles.REVIEWER);
        apply(id, 1, app -> lifecycle.reject(app, reviewer, "not a frontline worker"));
        assertEquals(Arrays.asList("REJECTED", 2, null, null, null, false), state(id));
        assertEquals(Arrays.asList(reviewer.subject(), "reviewer", "REJECT", "SUBMITTED", "REJECTED", "not a frontline worker"), lastEntry(id));
        assertEquals(0L, ledgerRows(s.pool()));
    }

    // ───────────── the academy's batch ─────────────

    @Test
    void aBatchEnrollsCompletesAndDropsWithPlacesGivenBackAndInstalments() {
        Setup s = setup(10);
        World other = World.create(fx, "GRASSROOTS,CITY");
        long otherPool = fx.pool(other.campaign(), other.tree().city(), "EDUCATION", 10);
        long enrolls = approved(s);
        long completes = approved(s);
        long drops = approved(s);
        long dropsElsewhere = fx.approved(other.campaign(), other.educationCourse(), other.tree().grassroots(), otherPool);
        assertEquals(3L, approvedIn(s.pool()));
        long campaign = s.w().campaign();
        Caller academy = caller(Roles.ACADEMY);
        int share = SUBSIDY / 2; // Fixtures' campaigns give 50 % at enrollment

        Timestamp before = dbNow();
        // as the academy's judge plans it: one outcome per case, its steps in order, the instalments it earned;
        // the drop in the higher pool listed first
        long highPool = Math.max(s.pool(), otherPool);
        long lowPool = Math.min(s.pool(), otherPool);
        long inHigh = highPool == s.pool() ? drops : dropsElsewhere;
        long inLow = highPool == s.pool() ? dropsElsewhere : drops;
        run(() -> lifecycle.lockAll(List.of(enrolls, completes, drops, dropsElsewhere)).flatMap(cases -> {
            Map<Long, ApplicationEntity> byId = cases.stream().collect(Collectors.toMap(a -> a.id, a -> a));
            List<Lifecycle.Outcome> outcomes = List.of(
                    new Lifecycle.Outcome(enrolls, campaign, ApplicationStatus.ENROLLED, byId.get(enrolls).version + 1, SUBSIDY, false, s.pool()),
                    new Lifecycle.Outcome(completes, campaign, ApplicationStatus.COMPLETED, byId.get(completes).version + 2, SUBSIDY, false,
                            s.pool()),
                    new Lifecycle.Outcome(inHigh, byId.get(inHigh).campaignId, ApplicationStatus.CANCELLED, byId.get(inHigh).version + 1, SUBSIDY,
                            true, highPool),
                    new Lifecycle.Outcome(inLow, byId.get(inLow).campaignId, ApplicationStatus.CANCELLED, byId.get(inLow).version + 1, SUBSIDY,
                            true, lowPool));
            List<Lifecycle.Step> steps = List.of(
                    new Lifecycle.Step(enrolls, Action.ENROLL, ApplicationStatus.APPROVED, ApplicationStatus.ENROLLED, null),
                    new Lifecycle.Step(completes, Action.ENROLL, ApplicationStatus.APPROVED, ApplicationStatus.ENROLLED, null),
                    new Lifecycle.Step(completes, Action.COMPLETE, ApplicationStatus.ENROLLED, ApplicationStatus.COMPLETED, "certificate C-1"),
                    new Lifecycle.Step(inHigh, Action.DROP, ApplicationStatus.APPROVED, ApplicationStatus.CANCELLED, "left the course"),
                    new Lifecycle.Step(inLow, Action.DROP, ApplicationStatus.APPROVED, ApplicationStatus.CANCELLED, null));
            List<Instalments.Due> dues = List.of(
                    new Instalments.Due(enrolls, campaign, DisbursementStage.ENROLLMENT, share),
                    new Instalments.Due(completes, campaign, DisbursementStage.ENROLLMENT, share),
                    new Instalments.Due(completes, campaign, DisbursementStage.COMPLETION, SUBSIDY - share));
            return lifecycle.applyBatch(outcomes, steps, dues, academy);
        }));

        assertEquals(Arrays.asList("ENROLLED", 3, null, null, s.pool(), true), state(enrolls));
        assertEquals(Arrays.asList(academy.subject(), "academy", "ENROLL", "APPROVED", "ENROLLED", null), lastEntry(enrolls));
        assertStampedInTheTransaction(enrolls, before);
        assertEquals(List.of("ENROLLMENT:" + share + ":PENDING"), instalments(enrolls));

        assertEquals(Arrays.asList("COMPLETED", 4, null, null, s.pool(), true), state(completes));
        assertEquals(List.of("ENROLL/APPROVED/ENROLLED/academy/" + academy.subject(), "COMPLETE/ENROLLED/COMPLETED/academy/" + academy.subject()),
                db.column("SELECT action || '/' || from_status || '/' || to_status || '/' || actor_role || '/' || actor_subject"
                        + " FROM application_history WHERE application_id = ? AND actor_subject <> 'fixture' ORDER BY id", completes),
                "one entry per step, in the steps' order");
        assertEquals("certificate C-1", lastEntry(completes).get(5));
        assertEquals(List.of("ENROLLMENT:" + share + ":PENDING", "COMPLETION:" + (SUBSIDY - share) + ":PENDING"), instalments(completes));

        assertEquals(Arrays.asList("CANCELLED", 3, null, null, null, true), state(drops));
        assertEquals(Arrays.asList(academy.subject(), "academy", "DROP", "APPROVED", "CANCELLED", drops == inHigh ? "left the course" : null),
                lastEntry(drops));
        assertEquals(List.of(), instalments(drops));
        assertEquals(Arrays.asList("CANCELLED", 3, null, null, null, true), state(dropsElsewhere));

        assertEquals(2L, approvedIn(s.pool()), "the dropped case's place went back; the enrolled and completed keep theirs");
        assertEquals(List.of(1, 10, 2, "CANCEL", drops, academy.subject()), lastLedgerRow(s.pool()));
        assertEquals(0L, approvedIn(otherPool));
        assertEquals(List.of(1, 10, 0, "CANCEL", dropsElsewhere, academy.subject()), lastLedgerRow(otherPool));
        assertEquals(List.of(lowPool, highPool), db.column("SELECT pool_id FROM quota_ledger WHERE reason = 'CANCEL' AND application_id IN (?, ?)"
                + " ORDER BY id", drops, dropsElsewhere), "places go back in pool order, whatever the batch's order");
    }

    @Test
    void aBatchIsTheAcademysAloneAndAStaleOutcomeFailsItWhole() {
        Setup s = setup(10);
        long enrolls = approved(s);
        long drops = approved(s);
        long campaign = s.w().campaign();
        List<Object> enrollsBefore = everything(enrolls, s.pool());
        List<Object> dropsBefore = everything(drops, s.pool());
        List<Lifecycle.Outcome> outcomes = List.of(
                new Lifecycle.Outcome(enrolls, campaign, ApplicationStatus.ENROLLED, 3, SUBSIDY, false, s.pool()),
                new Lifecycle.Outcome(drops, campaign, ApplicationStatus.CANCELLED, 3, SUBSIDY, true, s.pool()));
        List<Lifecycle.Step> steps = List.of(
                new Lifecycle.Step(enrolls, Action.ENROLL, ApplicationStatus.APPROVED, ApplicationStatus.ENROLLED, null),
                new Lifecycle.Step(drops, Action.DROP, ApplicationStatus.APPROVED, ApplicationStatus.CANCELLED, null));
        List<Instalments.Due> dues = List.of(new Instalments.Due(enrolls, campaign, DisbursementStage.ENROLLMENT, SUBSIDY / 2));

        for (String role : List.of(Roles.REVIEWER, Roles.WORKER, Roles.FINANCE)) {
            assertEquals(ErrorCode.FORBIDDEN, refusal(() -> lifecycle.lockAll(List.of(enrolls, drops))
                    .flatMap(x -> lifecycle.applyBatch(outcomes, steps, dues, caller(role)))), role);
        }
        assertEquals(enrollsBefore, everything(enrolls, s.pool()));
        assertEquals(dropsBefore, everything(drops, s.pool()));

        // an outcome planned from a stale read (the enrolled case at the version it already has): nothing of the
        // batch stays, not even the place the drop gave back first
        List<Lifecycle.Outcome> stale = List.of(
                new Lifecycle.Outcome(enrolls, campaign, ApplicationStatus.ENROLLED, 2, SUBSIDY, false, s.pool()),
                new Lifecycle.Outcome(drops, campaign, ApplicationStatus.CANCELLED, 3, SUBSIDY, true, s.pool()));
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> run(() -> lifecycle.lockAll(List.of(enrolls, drops))
                .flatMap(x -> lifecycle.applyBatch(stale, steps, dues, caller(Roles.ACADEMY)))));
        assertTrue(failed.getMessage().startsWith("wrote 1 of 2"), failed.getMessage());
        assertEquals(enrollsBefore, everything(enrolls, s.pool()));
        assertEquals(dropsBefore, everything(drops, s.pool()));
    }

    // ───────────── refusals change nothing ─────────────

    /** Locks the case at {@code expectedVersion} and asks for the transition; the refusal's code, after checking nothing changed. */
    private ErrorCode refused(long id, long pool, Integer expectedVersion, Transition transition) {
        List<Object> before = everything(id, pool);
        ErrorCode code = refusal(() -> lifecycle.lock(id, expectedVersion, a -> true).flatMap(transition::on));
        assertEquals(before, everything(id, pool), "a refused " + code + " changed nothing");
        return code;
    }

    private Uni<ApplicationEntity> approve(ApplicationEntity app, Caller caller) {
        return approve(app, caller, null);
    }

    /** One case in each status a refusal is tried on: SUBMITTED (v1), IN_REVIEW at the last stage (v1), APPROVED (v2), RETURNED (v2). */
    private record Cases(long pool, long waiting, long atCity, long holding, long back) {
    }

    private Cases cases() {
        Setup s = setup(5);
        return new Cases(s.pool(), submitted(s), atCity(s), approved(s), returned(s));
    }

    @Test
    void theWrongRoleIsForbiddenAndChangesNothing() {
        Cases c = cases();
        Caller worker = caller(Roles.WORKER);
        Caller reviewer = caller(Roles.REVIEWER);
        Caller academy = caller(Roles.ACADEMY);
        Caller admin = new Caller(Fixtures.unique("adm-"), Set.of(Roles.ADMIN, Roles.AUDITOR, Roles.FINANCE), null, null);

        assertEquals(ErrorCode.FORBIDDEN, refused(c.waiting(), c.pool(), 1, app -> approve(app, worker)));
        assertEquals(ErrorCode.FORBIDDEN, refused(c.atCity(), c.pool(), 1, app -> approve(app, academy)), "a final approval, no place taken");
        assertEquals(ErrorCode.FORBIDDEN, refused(c.atCity(), c.pool(), 1, app -> approve(app, admin)));
        assertEquals(ErrorCode.FORBIDDEN, refused(c.waiting(), c.pool(), 1, app -> lifecycle.sendBack(app, worker, "no")));
        assertEquals(ErrorCode.FORBIDDEN, refused(c.waiting(), c.pool(), 1, app -> lifecycle.reject(app, academy, "no")));
        assertEquals(ErrorCode.FORBIDDEN, refused(c.back(), c.pool(), 2, app -> lifecycle.resubmit(app, ReviewStage.GRASSROOTS, reviewer)));
        assertEquals(ErrorCode.FORBIDDEN, refused(c.holding(), c.pool(), 2, app -> lifecycle.withdraw(app, reviewer, null)),
                "the place given back before the refused step is rolled back");
        assertEquals(1L, approvedIn(c.pool()));
    }

    @Test
    void theWrongStatusIsAnIllegalTransitionAndChangesNothing() {
        Cases c = cases();
        long ended = c.atCity();
        db.update("UPDATE application SET status = 'REJECTED', current_stage = NULL, stage_unit_id = NULL, version = 2 WHERE id = ?", ended);
        Caller reviewer = caller(Roles.REVIEWER);

        assertEquals(ErrorCode.ILLEGAL_TRANSITION, refused(c.waiting(), c.pool(), 1,
                app -> lifecycle.resubmit(app, ReviewStage.GRASSROOTS, workerOf(c.waiting()))), "only a RETURNED case is resubmitted");
        assertEquals(ErrorCode.ILLEGAL_TRANSITION, refused(c.back(), c.pool(), 2, app -> approve(app, reviewer)));
        assertEquals(ErrorCode.ILLEGAL_TRANSITION, refused(c.back(), c.pool(), 2, app -> lifecycle.sendBack(app, reviewer, "again")));
        assertEquals(ErrorCode.ILLEGAL_TRANSITION, refused(c.holding(), c.pool(), 2, app -> lifecycle.sendBack(app, reviewer, "late")));
        assertEquals(ErrorCode.ILLEGAL_TRANSITION, refused(c.holding(), c.pool(), 2, app -> lifecycle.reject(app, reviewer, "late")),
                "an approved case is not rejected, and the place given back first is rolled back");
        assertEquals(ErrorCode.ILLEGAL_TRANSITION, refused(ended, c.pool(), 2, app -> lifecycle.withdraw(app, workerOf(ended), null)));
        assertEquals(1L, approvedIn(c.pool()));
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndChangesNothing() {
        Cases c = cases();
        Caller reviewer = caller(Roles.REVIEWER);

        assertEquals(ErrorCode.VERSION_CONFLICT, refused(c.waiting(), c.pool(), 2, app -> approve(app, reviewer)), "a version from the future");
        assertEquals(ErrorCode.VERSION_CONFLICT, refused(c.atCity(), c.pool(), 0, app -> approve(app, reviewer)));
        assertEquals(ErrorCode.VERSION_CONFLICT, refused(c.holding(), c.pool(), 1, app -> lifecycle.withdraw(app, workerOf(c.holding()), null)),
                "the version the case had before its approval");
        assertEquals(ErrorCode.VERSION_CONFLICT, refused(c.back(), c.pool(), 1, app -> lifecycle.resubmit(app, ReviewStage.GRASSROOTS,
                workerOf(c.back()))));
        assertEquals(ErrorCode.VERSION_CONFLICT, refused(c.waiting(), c.pool(), 3, app -> lifecycle.reject(app, reviewer, "no")));
        assertEquals(1L, approvedIn(c.pool()));
    }

    @Test
    void aCaseTheCallerMayNotSeeIsNotFound() {
        Setup s = setup(5);
        long id = submitted(s);
        List<Object> before = everything(id, s.pool());
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> lifecycle.lock(id, 1, a -> false)
                .flatMap(app -> lifecycle.reject(app, caller(Roles.REVIEWER), "no"))));
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> lifecycle.lock(Long.MAX_VALUE, null, a -> true)));
        assertEquals(before, everything(id, s.pool()));
    }
}
