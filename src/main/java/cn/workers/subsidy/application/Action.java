package cn.workers.subsidy.application;

import cn.workers.subsidy.vocabulary.Roles;

import java.util.EnumSet;
import java.util.Set;

import static cn.workers.subsidy.vocabulary.ApplicationStatus.APPROVED;
import static cn.workers.subsidy.vocabulary.ApplicationStatus.COMPLETED;
import static cn.workers.subsidy.vocabulary.ApplicationStatus.ENROLLED;
import static cn.workers.subsidy.vocabulary.ApplicationStatus.IN_REVIEW;
import static cn.workers.subsidy.vocabulary.ApplicationStatus.RETURNED;
import static cn.workers.subsidy.vocabulary.ApplicationStatus.SUBMITTED;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
/**
 * What can happen to an application, who may do it and from which statuses. The target status of
 * APPROVE depends on the stage (next stage or final approval): see {@link StateMachine}.
 */
public enum Action {
    SUBMIT(Roles.WORKER, EnumSet.noneOf(ApplicationStatus.class)),
    RESUBMIT(Roles.WORKER, EnumSet.of(RETURNED)),
    WITHDRAW(Roles.WORKER, EnumSet.of(SUBMITTED, IN_REVIEW, RETURNED, APPROVED)),
    APPROVE(Roles.REVIEWER, EnumSet.of(SUBMITTED, IN_REVIEW)),
    RETURN(Roles.REVIEWER, EnumSet.of(SUBMITTED, IN_REVIEW)),
    REJECT(Roles.REVIEWER, EnumSet.of(SUBMITTED, IN_REVIEW)),
    ENROLL(Roles.ACADEMY, EnumSet.of(APPROVED)),
    COMPLETE(Roles.ACADEMY, EnumSet.of(ENROLLED)),
    DROP(Roles.ACADEMY, EnumSet.of(APPROVED, ENROLLED));

    private final String role;
    private final Set<ApplicationStatus> from;

    Action(String role, Set<ApplicationStatus> from) {
        this.role = role;
        this.from = from;
    }

    /** The role that performs this action. */
    public String role() {
        return role;
    }

    public boolean allowedFrom(ApplicationStatus status) {
        return from.contains(status);
    }

    /** Statuses that are never left again. */
    public static boolean isFinal(ApplicationStatus status) {
        return status == COMPLETED || ApplicationStatus.ENDED.contains(status);
    }
}
