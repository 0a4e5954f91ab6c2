package cn.workers.subsidy.enrollment;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.EnrollmentStatus;
/** The academy's record of an approved applicant. */
@Type("Enrollment")
public record Enrollment(@NonNull String externalRef, @NonNull EnrollmentStatus status, OffsetDateTime enrolledAt,
        OffsetDateTime completedAt, String certificateNo) {

    public static Enrollment of(EnrollmentEntity e) {
        return e == null ? null : new Enrollment(e.externalRef, e.status, e.enrolledAt, e.completedAt, e.certificateNo);
    }
}
