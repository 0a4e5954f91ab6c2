package cn.workers.subsidy.application;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static cn.workers.subsidy.vocabulary.ApplicationStatus.APPROVED;
import static cn.workers.subsidy.vocabulary.ApplicationStatus.CANCELLED;
import static cn.workers.subsidy.vocabulary.ApplicationStatus.COMPLETED;
import static cn.workers.subsidy.vocabulary.ApplicationStatus.ENROLLED;
import static cn.workers.subsidy.vocabulary.ApplicationStatus.REJECTED;
import static cn.workers.subsidy.vocabulary.ApplicationStatus.SUBMITTED;
import static cn.workers.subsidy.vocabulary.ApplicationStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
/**
 * Random walks through the life cycle, starting from SUBMITTED: each step is an action (with a
 * lastStage flag for APPROVE) applied through {@link StateMachine#next}; refused steps are skipped.
 * Alongside runs a model of the quota: a place is taken when the case enters a place-holding
 * status and given back when it leaves one.
 */
class StateMachineProperties {

    private static final Set<ApplicationStatus> FINAL = EnumSet.of(COMPLETED, REJECTED, WITHDRAWN, CANCELLED);
    private static final Set<ApplicationStatus> HOLDING = ApplicationStatus.HOLDING_PLACE;

    record Step(Action action, boolean lastStage) {
        @Override
        public String toString() {
            return action == Action.APPROVE ? action + (lastStage ? "(last)" : "(not last)") : action.toString();
        }
    }

    @Provide
    Arbitrary<List<Step>> walks() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Action.class), Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMinSize(0).ofMaxSize(80);
    }

    @Property(tries = 3000)
    void theLifeCycleKeepsItsInvariants(@ForAll("walks") List<Step> walk) {
        ApplicationStatus status = SUBMITTED;
        int places = 0;
        boolean everApproved = false;
        boolean everEnrolled = false;
        List<ApplicationStatus> path = new ArrayList<>(List.of(status));

        for (Step step : walk) {
            ApplicationStatus before = status;
            ApplicationStatus next;
            try {
                next = StateMachine.next(before, step.action(), step.lastStage());
            } catch (DomainException e) {
                assertEquals(ErrorCode.ILLEGAL_TRANSITION, e.code(), step + " from " + before);
                assertFalse(step.action().allowedFrom(before), step + " refused from " + before + " though allowed");
                // refused: nothing changes, the case stays where it was
                assertEquals(before, status);
                continue;
            }
            assertTrue(step.action().allowedFrom(before), step + " succeeded from " + before + " though not allowed");

            // a final status is never left
            assertFalse(FINAL.contains(before), step + " succeeded from final " + before + " via " + path);
            // ENROLLED only straight from APPROVED; APPROVED only by a last-stage APPROVE
            if (next == ENROLLED) {
                assertEquals(APPROVED, before, "ENROLLED via " + path);
                assertEquals(Action.ENROLL, step.action());
            }
            if (next == APPROVED) {
                assertEquals(new Step(Action.APPROVE, true), step, "APPROVED via " + path);
            }
            if (next == COMPLETED) {
                assertEquals(ENROLLED, before, "COMPLETED via " + path);
            }
            // never withdrawn once enrolled
            if (step.action() == Action.WITHDRAW) {
                assertFalse(everEnrolled, "WITHDRAW after enrollment via " + path);
            }

            // the quota place
            boolean held = HOLDING.contains(before);
            boolean holds = HOLDING.contains(next);
            if (!held && holds) {
                assertEquals(new Step(Action.APPROVE, true), step, "entered " + next + " via " + path);
                places++;
            } else if (held && !holds) {
                boolean withdrawnBeforeEnrollment = step.action() == Action.WITHDRAW && before == APPROVED && next == WITHDRAWN;
                boolean dropped = step.action() == Action.DROP && next == CANCELLED;
                assertTrue(withdrawnBeforeEnrollment || dropped, step + " left " + before + " for " + next + " via " + path);
                places--;
            } else if (held) {
                assertTrue(step.action() == Action.ENROLL || step.action() == Action.COMPLETE,
                        step + " moved " + before + " to " + next + " via " + path);
            }

            status = next;
            path.add(status);
            everApproved |= status == APPROVED;
            everEnrolled |= status == ENROLLED;

            assertTrue(places == 0 || places == 1, "places " + places + " via " + path);
            assertEquals(HOLDING.contains(status), places == 1, "places " + places + " in " + status + " via " + path);
            if (status == ENROLLED || status == COMPLETED) {
                assertTrue(everApproved, "reached " + status + " without APPROVED via " + path);
            }
            if (everEnrolled) {
                assertIllegal(status, Action.WITHDRAW, false);
            }
            if (FINAL.contains(status)) {
                for (Action action : Action.values()) {
                    assertIllegal(status, action, true);
                    assertIllegal(status, action, false);
                }
            }
        }

        // the walks must reach deep enough to mean something: every status is visited, enrollment often
        for (ApplicationStatus visited : EnumSet.copyOf(path)) {
            Statistics.label("visited").collect(visited);
        }
        Statistics.label("enrolled on the way").collect(everEnrolled);
        Statistics.label("visited").coverage(c -> {
            for (ApplicationStatus s : ApplicationStatus.values()) {
                c.check(s).count(n -> n >= 10);
            }
        });
        Statistics.label("enrolled on the way").coverage(c -> c.check(true).percentage(p -> p > 2));
    }

    @Property(tries = 200)
    void anActionNotAllowedAlwaysThrowsIllegalTransition(@ForAll ApplicationStatus from, @ForAll Action action,
            @ForAll boolean lastStage) {
        if (action.allowedFrom(from)) {
            StateMachine.next(from, action, lastStage);
        } else {
            assertIllegal(from, action, lastStage);
        }
    }

    private static void assertIllegal(ApplicationStatus from, Action action, boolean lastStage) {
        DomainException e = assertThrows(DomainException.class, () -> StateMachine.next(from, action, lastStage),
                action + " from " + from);
        assertEquals(ErrorCode.ILLEGAL_TRANSITION, e.code(), action + " from " + from);
    }
}
