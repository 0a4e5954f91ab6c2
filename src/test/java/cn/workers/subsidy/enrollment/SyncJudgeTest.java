package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.application.ApplicationEntity;
import cn.workers.subsidy.vocabulary.ApplicationStatus;
import cn.workers.subsidy.vocabulary.DisbursementStage;
import cn.workers.subsidy.disbursement.Instalments;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.workers.subsidy.vocabulary.EnrollmentStatus;
import cn.workers.subsidy.vocabulary.SyncOutcome;
/** The per-item rules of a sync batch, without a database. */
class SyncJudgeTest {

    static final long ACADEMY = 7;
    static final OffsetDateTime T = OffsetDateTime.of(2025, 9, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    private final Map<Long, SyncCase> cases = new HashMap<>();

    private SyncCase approved(long id, long academy, int subsidy, int share) {
        ApplicationEntity a = new ApplicationEntity();
        a.id = id;
        a.workerId = 100 + id;
        a.campaignId = 1L;
        a.academyId = academy;
        a.status = ApplicationStatus.APPROVED;
        a.version = 2;
        a.subsidyFen = subsidy;
        a.quotaPoolId = 9L;
        a.approvedAt = T.minusDays(30);
        SyncCase c = new SyncCase(a, share);
        cases.put(id, c);
        return c;
    }

    private SyncJudge judge(Map<String, Long> refs) {
        return new SyncJudge(ACADEMY, cases, refs, T.plusDays(60));
    }

    private static EnrollmentEventInput in(long id, String ref, EnrollmentStatus status, int hours, String certificate, Integer tuition) {
        return new EnrollmentEventInput("" + id, ref, status, T.plusHours(hours), certificate, tuition);
    }

    @Test
    void enrollThenCompleteInOneBatchMakesTwoStepsAndTwoInstalments() {
        approved(1, ACADEMY, 90_001, 50);
        SyncJudge j = judge(Map.of());
        assertEquals(SyncOutcome.APPLIED, j.judge(in(1, "R", EnrollmentStatus.ENROLLED, 1, null, null)).outcome());
        assertEquals(SyncOutcome.APPLIED, j.judge(in(1, "R", EnrollmentStatus.COMPLETED, 2, "C", null)).outcome());
        assertEquals(SyncOutcome.UNCHANGED, j.judge(in(1, "R", EnrollmentStatus.COMPLETED, 2, "C", null)).outcome());
        SyncPlan plan = j.plan();
        assertEquals(1, plan.changed().size());
        SyncCase c = plan.changed().get(0);
        assertEquals(ApplicationStatus.COMPLETED, c.status);
        assertEquals(4, c.version);
        assertEquals(2, plan.steps().size());
        assertEquals(List.of(new Instalments.Due(1, 1, DisbursementStage.ENROLLMENT, 45_000), new Instalments.Due(1, 1, DisbursementStage.COMPLETION,
                45_001)), plan.instalments());
        assertEquals("externalRef=R; occurredAt=" + T.plusHours(2) + "; certificate=C", plan.steps().get(1).comment());
    }

    @Test
    void everyRefusalHasItsCodeAndChangesNothing() {
        approved(1, ACADEMY, 100_000, 50);
        approved(2, ACADEMY + 1, 100_000, 50);
        cases.put(3L, new SyncCase(entity(3, ApplicationStatus.IN_REVIEW), 50));
        SyncJudge j = judge(Map.of("TAKEN", 99L));
        assertEquals("NOT_FOUND", j.judge(in(404, "R", EnrollmentStatus.ENROLLED, 1, null, null)).code());
        assertEquals("NOT_FOUND", j.judge(new EnrollmentEventInput("abc", "R", EnrollmentStatus.ENROLLED, T, null, null)).code());
        assertEquals("NOT_FOUND", j.judge(in(3, "R", EnrollmentStatus.ENROLLED, 1, null, null)).code());
        assertEquals("FORBIDDEN", j.judge(in(2, "R", EnrollmentStatus.ENROLLED, 1, null, null)).code());
        assertEquals("VALIDATION", j.judge(in(1, "TAKEN", EnrollmentStatus.ENROLLED, 1, null, null)).code());
        assertEquals("VALIDATION", j.judge(in(1, "x".repeat(101), EnrollmentStatus.ENROLLED, 1, null, null)).code());
        assertEquals("VALIDATION", j.judge(in(1, "R", EnrollmentStatus.ENROLLED, 1, null, -5)).code());
        assertEquals("VALIDATION", j.judge(in(1, "R", EnrollmentStatus.ENROLLED, 24 * 90, null, null)).code());
        assertEquals("VALIDATION", j.judge(in(1, "R", EnrollmentStatus.COMPLETED, 1, " ", null)).code());
        assertEquals("ILLEGAL_TRANSITION", j.judge(in(1, "R", EnrollmentStatus.COMPLETED, 1, "C", null)).code());
        assertTrue(j.plan().isEmpty());
    }

    private static ApplicationEntity entity(long id, ApplicationStatus status) {
        ApplicationEntity a = new ApplicationEntity();
        a.id = id;
        a.workerId = 1L;
        a.campaignId = 1L;
        a.academyId = ACADEMY;
        a.status = status;
        a.version = 1;
        a.subsidyFen = 100_000;
        return a;
    }

    /** A STALE message shows the newer event's time the same way every time: UTC, to the second. */
    @Test
    void aStaleMessageRendersTheNewerEventTheSameWayEachTime() {
        approved(1, ACADEMY, 100_000, 50);
        SyncJudge j = judge(Map.of());
        j.judge(in(1, "R", EnrollmentStatus.ENROLLED, 1, null, null));
        j.judge(in(1, "R", EnrollmentStatus.DROPPED, 5, null, null));
        SyncItemResult stale = j.judge(in(1, "R", EnrollmentStatus.ENROLLED, 3, null, null));
        assertEquals(SyncOutcome.STALE, stale.outcome());
        // 2025-09-01T14:00+08:00, whose seconds are zero: printed with them, in UTC
        assertEquals("a newer event is recorded (2025-09-01T06:00:00Z)", stale.message());
        SyncItemResult again = j.judge(new EnrollmentEventInput("1", "R", EnrollmentStatus.ENROLLED,
                T.plusHours(2).withOffsetSameInstant(ZoneOffset.ofHours(-5)), null, null));
        assertEquals(stale.message(), again.message());
    }

    @Test
    void aDropKeepsTheEnrollmentShareAndGivesThePlaceBack() {
        approved(1, ACADEMY, 100_000, 50);
        SyncJudge j = judge(Map.of());
        j.judge(in(1, "R", EnrollmentStatus.ENROLLED, 1, null, null));
        assertEquals(SyncOutcome.APPLIED, j.judge(in(1, "R", EnrollmentStatus.DROPPED, 5, null, null)).outcome());
        assertEquals(SyncOutcome.STALE, j.judge(in(1, "R", EnrollmentStatus.ENROLLED, 3, null, null)).outcome());
        assertEquals("ILLEGAL_TRANSITION", j.judge(in(1, "R", EnrollmentStatus.COMPLETED, 6, "C", null)).code());
        SyncCase c = j.plan().changed().get(0);
        assertEquals(ApplicationStatus.CANCELLED, c.status);
        assertTrue(c.releasesPlace);
        assertEquals(List.of(new Instalments.Due(1, 1, DisbursementStage.ENROLLMENT, 50_000)), j.plan().instalments());
        assertEquals(EnrollmentStatus.DROPPED, c.enrollment.status());
        assertEquals(T.plusHours(1), c.enrollment.enrolledAt());
        assertEquals(T.plusHours(5), c.enrollment.lastEventAt());
        assertNull(c.enrollment.completedAt());
        assertTrue(c.outcome().releasesPlace());
    }

    @Test
    void occurredAtIsComparedAtTheDatabasesPrecision() {
        approved(1, ACADEMY, 100_000, 50).enrollment = new EnrollmentState("R", EnrollmentStatus.ENROLLED, T, null, null, null, null, T);
        SyncJudge j = judge(Map.of("R", 1L));
        EnrollmentEventInput nanos = new EnrollmentEventInput("1", "R", EnrollmentStatus.ENROLLED, T.plusNanos(400), null, null);
        assertEquals(SyncOutcome.UNCHANGED, j.judge(nanos).outcome());
        assertEquals("VALIDATION", j.judge(in(1, "OTHER", EnrollmentStatus.COMPLETED, 2, "C", null)).code());
    }
}
