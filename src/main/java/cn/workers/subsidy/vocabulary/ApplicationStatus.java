package cn.workers.subsidy.vocabulary;

import java.util.EnumSet;
import java.util.Set;

public enum ApplicationStatus {
    SUBMITTED, IN_REVIEW, RETURNED, APPROVED, REJECTED, WITHDRAWN, ENROLLED, COMPLETED, CANCELLED;

    /** Statuses that end a case: a new application in the same campaign is then allowed. */
    public static final Set<ApplicationStatus> ENDED = EnumSet.of(REJECTED, WITHDRAWN, CANCELLED);
    /** Statuses in which the case holds a quota place. */
    public static final Set<ApplicationStatus> HOLDING_PLACE = EnumSet.of(APPROVED, ENROLLED, COMPLETED);
    /** Statuses waiting for a reviewer. */
    public static final Set<ApplicationStatus> IN_REVIEW_QUEUE = EnumSet.of(SUBMITTED, IN_REVIEW);

    public boolean isLive() {
        return !ENDED.contains(this);
    }
}
