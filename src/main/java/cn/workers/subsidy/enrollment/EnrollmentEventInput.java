package cn.workers.subsidy.enrollment;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.EnrollmentStatus;
/** One event of an academy's batch: what happened to an approved applicant, and when (the academy's clock). */
@Input("EnrollmentEventInput")
public record EnrollmentEventInput(@Id @NonNull String applicationId, @NonNull String externalRef, @NonNull EnrollmentStatus status,
        @NonNull OffsetDateTime occurredAt, String certificateNo, Integer tuitionPaidFen) {
}
