package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.common.error.Wording;

import cn.workers.subsidy.common.Ids;
import cn.workers.subsidy.application.Action;
import cn.workers.subsidy.vocabulary.ApplicationStatus;
import cn.workers.subsidy.application.StateMachine;
import cn.workers.subsidy.application.Lifecycle;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.common.error.Inputs;
import cn.workers.subsidy.vocabulary.DisbursementStage;
import cn.workers.subsidy.disbursement.Instalments;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.workers.subsidy.vocabulary.EnrollmentStatus;
import cn.workers.subsidy.vocabulary.SyncOutcome;
/**
 * Judges a batch of enrollment events in memory, item by item in the order sent, against the locked
 * applications they name: items for the same application see what the earlier ones did. Each item
 * gets its own outcome; the applied ones add to the {@link SyncPlan} that the batch writes at the
 * end. No database and no clock of its own.
 */
final class SyncJudge {

    private final long academyId;
    private final Map<Long, SyncCase> cases;
    private final Map<String, Long> refOwners;
    private final OffsetDateTime latestAllowed;
    private final Map<Long, SyncCase> changed = new LinkedHashMap<>();
    private final List<Lifecycle.Step> steps = new ArrayList<>();
    private final List<Instalments.Due> instalments = new ArrayList<>();

    /**
     * @param cases     the locked applications by id (any academy's: another's answers FORBIDDEN)
     * @param refOwners the academy's external references already in use, with their application
     * @param latestAllowed the latest occurredAt accepted (now plus the allowed clock skew)
     */
    SyncJudge(long academyId, Map<Long, SyncCase> cases, Map<String, Long> refOwners, OffsetDateTime latestAllowed) {
        this.academyId = academyId;
        this.cases = cases;
        this.refOwners = new LinkedHashMap<>(refOwners);
        this.latestAllowed = latestAllowed;
    }

    SyncItemResult judge(EnrollmentEventInput in) {
        long id;
        try {
            id = Ids.parse(in.applicationId(), "application");
        } catch (DomainException e) {
            return SyncItemResult.failed(in, SyncOutcome.NOT_FOUND, ErrorCode.NOT_FOUND, e.getMessage());
        }
        Event event;
        try {
            event = Event.of(in, latestAllowed);
        } catch (DomainException e) {
            return SyncItemResult.failed(in, SyncOutcome.REJECTED, e.code(), e.getMessage());
        }
        SyncCase c = cases.get(id);
        if (c == null || c.academyId == academyId && !c.approvedOnce) {
            return SyncItemResult.failed(in, SyncOutcome.NOT_FOUND, ErrorCode.NOT_FOUND, "application " + id + " not found");
        }
        if (c.academyId != academyId) {
            return SyncItemResult.failed(in, SyncOutcome.REJECTED, ErrorCode.FORBIDDEN, "the application is not for this academy's courses");
        }
        Long owner = refOwners.get(event.ref());
        if (owner != null && owner != id) {
            return rejected(in, ErrorCode.VALIDATION, "externalRef is already used by another application of this academy");
        }
        EnrollmentState e = c.enrollment;
        if (e != null && !e.externalRef().equals(event.ref())) {
            return rejected(in, ErrorCode.VALIDATION, "the application is enrolled under another externalRef");
        }
        if (e != null && e.records(in.status(), event.at(), event.certificate())) {
            return SyncItemResult.of(in, SyncOutcome.UNCHANGED, "already recorded");
        }
        if (e != null && event.at().isBefore(e.lastEventAt())) {
            return SyncItemResult.of(in, SyncOutcome.STALE, "a newer event is recorded (" + Wording.instant(e.lastEventAt()) + ")");
        }
        Action action = switch (in.status()) {
            case ENROLLED -> Action.ENROLL;
            case COMPLETED -> Action.COMPLETE;
            case DROPPED -> Action.DROP;
        };
        ApplicationStatus to;
        try {
            to = StateMachine.next(c.status, action, false);
        } catch (DomainException x) {
            return rejected(in, x.code(), x.getMessage());
        }
        apply(c, event, action, to);
        return SyncItemResult.of(in, SyncOutcome.APPLIED, c.status.name());
    }

    private void apply(SyncCase c, Event event, Action action, ApplicationStatus to) {
        int granted = c.enrollmentShareFen == null ? 0 : c.enrollmentShareFen;
        c.subsidyFen = Instalments.subsidyAfterTuition(c.subsidyFen, event.tuitionPaidFen(), granted);
        switch (action) {
            case ENROLL -> {
                int share = Instalments.enrollmentShare(c.subsidyFen, c.sharePercent);
                if (c.enrollmentShareFen == null && share > 0) {
                    instalments.add(new Instalments.Due(c.id, c.campaignId, DisbursementStage.ENROLLMENT, share));
                    c.enrollmentShareFen = share;
                }
            }
            case COMPLETE -> {
                int rest = Instalments.completionShare(c.subsidyFen, granted);
                if (!c.hasCompletionShare && rest > 0) {
                    instalments.add(new Instalments.Due(c.id, c.campaignId, DisbursementStage.COMPLETION, rest));
                    c.hasCompletionShare = true;
                }
            }
            // a drop-out keeps the enrollment share it earned and never gets the completion share
            case DROP -> c.releasesPlace = c.poolId != null;
            default -> throw new IllegalStateException(action + " is not an academy's action");
        }
        c.enrollment = EnrollmentState.after(c.enrollment, event.ref(), event.status(), event.at(), event.certificate(),
                event.tuitionPaidFen());
        refOwners.put(event.ref(), c.id);
        steps.add(new Lifecycle.Step(c.id, action, c.status, to, event.comment()));
        c.status = to;
        c.version++;
        changed.put(c.id, c);
    }

    private static SyncItemResult rejected(EnrollmentEventInput in, ErrorCode code, String message) {
        return SyncItemResult.failed(in, SyncOutcome.REJECTED, code, message);
    }

    SyncPlan plan() {
        return new SyncPlan(List.copyOf(changed.values()), List.copyOf(steps), List.copyOf(instalments));
    }

    /** An item's fields, checked: VALIDATION (with the field) for anything malformed. */
    record Event(String ref, EnrollmentStatus status, OffsetDateTime at, String certificate, Integer tuitionPaidFen) {

        static Event of(EnrollmentEventInput in, OffsetDateTime latestAllowed) {
            String ref = Inputs.text("externalRef", in.externalRef(), 100);
            String certificate = in.certificateNo() == null || in.certificateNo().isBlank() ? null
                    : Inputs.text("certificateNo", in.certificateNo(), 100);
            if (in.status() == EnrollmentStatus.COMPLETED && certificate == null) {
                throw DomainException.validation("certificateNo", "certificateNo is required for COMPLETED");
            }
            if (in.tuitionPaidFen() != null && in.tuitionPaidFen() < 0) {
                throw DomainException.validation("tuitionPaidFen", "tuitionPaidFen may not be negative");
            }
            if (in.occurredAt().isAfter(latestAllowed)) {
                throw DomainException.validation("occurredAt", "occurredAt lies in the future");
            }
            // stored with microseconds: compare the same way, or a resent event would not be recognised
            OffsetDateTime at = in.occurredAt().truncatedTo(ChronoUnit.MICROS);
            return new Event(ref, in.status(), at, in.status() == EnrollmentStatus.COMPLETED ? certificate : null, in.tuitionPaidFen());
        }

        String comment() {
            return "externalRef=" + ref + "; occurredAt=" + at + (certificate != null ? "; certificate=" + certificate : "")
                    + (tuitionPaidFen != null ? "; tuitionPaidFen=" + tuitionPaidFen : "");
        }
    }
}
