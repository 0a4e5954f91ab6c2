package cn.workers.subsidy.enrollment;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.EnrollmentStatus;
/** An enrollment as a batch reads and changes it (a value: each applied event makes a new one). */
record EnrollmentState(String externalRef, EnrollmentStatus status, OffsetDateTime enrolledAt, OffsetDateTime completedAt,
        OffsetDateTime droppedAt, String certificateNo, Integer tuitionPaidFen, OffsetDateTime lastEventAt) {

    static EnrollmentState of(EnrollmentEntity e) {
        return e == null ? null : new EnrollmentState(e.externalRef, e.status, e.enrolledAt, e.completedAt, e.droppedAt, e.certificateNo,
                e.tuitionPaidFen, e.lastEventAt);
    }

    /** The enrollment after {@code status} happened at {@code at}; the first event creates it under {@code ref}. */
    static EnrollmentState after(EnrollmentState before, String ref, EnrollmentStatus status, OffsetDateTime at, String certificateNo,
            Integer tuitionPaidFen) {
        EnrollmentState b = before != null ? before : new EnrollmentState(ref, status, null, null, null, null, null, at);
        Integer tuition = tuitionPaidFen != null ? tuitionPaidFen : b.tuitionPaidFen;
        return switch (status) {
            case ENROLLED -> new EnrollmentState(b.externalRef, status, at, b.completedAt, b.droppedAt, b.certificateNo, tuition, at);
            case COMPLETED -> new EnrollmentState(b.externalRef, status, b.enrolledAt, at, b.droppedAt, certificateNo, tuition, at);
            case DROPPED -> new EnrollmentState(b.externalRef, status, b.enrolledAt, b.completedAt, at, b.certificateNo, tuition, at);
        };
    }

    /** Is this event already recorded: the same status at the same instant (and for a completion the same certificate)? */
    boolean records(EnrollmentStatus event, OffsetDateTime at, String certificate) {
        return switch (event) {
            case ENROLLED -> enrolledAt != null && enrolledAt.isEqual(at);
            case COMPLETED -> completedAt != null && completedAt.isEqual(at) && certificate != null && certificate.equals(certificateNo);
            case DROPPED -> droppedAt != null && droppedAt.isEqual(at);
        };
    }
}
