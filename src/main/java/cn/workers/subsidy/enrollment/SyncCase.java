package cn.workers.subsidy.enrollment;

import cn.workers.subsidy.application.ApplicationEntity;
import cn.workers.subsidy.vocabulary.ApplicationStatus;
import cn.workers.subsidy.application.Lifecycle;

/**
 * One locked application as a batch sees and changes it in memory: its status, version and subsidy,
 * its enrollment, and the instalments it has. Nothing here is written until the batch has been judged.
 */
final class SyncCase {

    final long id;
    final long workerId;
    final long campaignId;
    final long academyId;
    final boolean approvedOnce;
    final Long poolId;
    final int sharePercent;

    ApplicationStatus status;
    int version;
    int subsidyFen;
    /** The ENROLLMENT instalment's amount, null while there is none. */
    Integer enrollmentShareFen;
    boolean hasCompletionShare;
    EnrollmentState enrollment;
    boolean releasesPlace;

    SyncCase(ApplicationEntity a, int sharePercent) {
        this.id = a.id;
        this.workerId = a.workerId;
        this.campaignId = a.campaignId;
        this.academyId = a.academyId;
        this.approvedOnce = a.approvedAt != null;
        this.poolId = a.quotaPoolId;
        this.sharePercent = sharePercent;
        this.status = a.status;
        this.version = a.version;
        this.subsidyFen = a.subsidyFen;
    }

    Lifecycle.Outcome outcome() {
        return new Lifecycle.Outcome(id, campaignId, status, version, subsidyFen, releasesPlace, poolId);
    }
}
