package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.common.error.ErrorCode;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import cn.workers.subsidy.vocabulary.SyncOutcome;
/** The outcome of one item of a batch; {@code code} is a contract error code for REJECTED and NOT_FOUND items. */
@Type("SyncItemResult")
public record SyncItemResult(@NonNull String externalRef, @Id @NonNull String applicationId, @NonNull SyncOutcome outcome,
        String code, String message) {

    static SyncItemResult of(EnrollmentEventInput in, SyncOutcome outcome, String message) {
        return new SyncItemResult(in.externalRef(), in.applicationId(), outcome, null, message);
    }

    static SyncItemResult failed(EnrollmentEventInput in, SyncOutcome outcome, ErrorCode code, String message) {
        return new SyncItemResult(in.externalRef(), in.applicationId(), outcome, code.name(), message);
    }
}
