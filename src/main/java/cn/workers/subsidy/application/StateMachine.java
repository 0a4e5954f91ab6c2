package cn.workers.subsidy.application;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
/**
 * The application life cycle of DESIGN.md as a pure function: given a status and an action, the
 * next status, or ILLEGAL_TRANSITION. No database, no caller: scope and version are checked by the
 * services before they ask.
 */
public final class StateMachine {

    private StateMachine() {
    }

    /** The status a new case starts in (SUBMIT). */
    public static ApplicationStatus start() {
        return ApplicationStatus.SUBMITTED;
    }

    /**
     * @param lastStage for APPROVE: whether the case is at the campaign's last review stage
     */
    public static ApplicationStatus next(ApplicationStatus from, Action action, boolean lastStage) {
        if (!action.allowedFrom(from)) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
                    "cannot " + action.name().toLowerCase() + " an application that is " + from);
        }
        return switch (action) {
            case SUBMIT, RESUBMIT -> ApplicationStatus.SUBMITTED;
            case WITHDRAW -> ApplicationStatus.WITHDRAWN;
            case APPROVE -> lastStage ? ApplicationStatus.APPROVED : ApplicationStatus.IN_REVIEW;
            case RETURN -> ApplicationStatus.RETURNED;
            case REJECT -> ApplicationStatus.REJECTED;
            case ENROLL -> ApplicationStatus.ENROLLED;
            case COMPLETE -> ApplicationStatus.COMPLETED;
            case DROP -> ApplicationStatus.CANCELLED;
        };
    }
}
