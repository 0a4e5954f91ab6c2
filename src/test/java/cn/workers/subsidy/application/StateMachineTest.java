package cn.workers.subsidy.application;

import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.common.error.ErrorCode;
import cn.workers.subsidy.vocabulary.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
/**
 * Every (status, action, lastStage) against the life cycle of DESIGN.md, written out in full.
 * A cell is the status reached, "-" for ILLEGAL_TRANSITION; an APPROVE cell is
 * "not last stage/last stage". Readings of the diagram worth stating:
 * <ul>
 * <li>APPROVE from SUBMITTED at the last stage goes straight to APPROVED (a campaign may use a
 * single review stage);</li>
 * <li>SUBMIT is never a transition: it creates the application;</li>
 * <li>WITHDRAW is open from RETURNED too (the worker's withdraw arrow leaves the whole
 * pre-approval side; a returned case is live and would otherwise block a new application in
 * the campaign), and from APPROVED only before enrollment;</li>
 * <li>DROP (the academy's DROPPED) cancels from ENROLLED and from APPROVED (an approved applicant
 * who never enrols), giving the place back in both cases.</li>
 * </ul>
 */
class StateMachineTest {

    private static final List<Action> COLUMNS = List.of(Action.SUBMIT, Action.RESUBMIT, Action.WITHDRAW, Action.APPROVE,
            Action.RETURN, Action.REJECT, Action.ENROLL, Action.COMPLETE, Action.DROP);

    private static final String[] TABLE = {
        //            SUBMIT  RESUBMIT   WITHDRAW   APPROVE               RETURN    REJECT    ENROLL    COMPLETE   DROP
        "SUBMITTED    -       -          WITHDRAWN  IN_REVIEW/APPROVED    RETURNED  REJECTED  -         -          -",
        "IN_REVIEW    -       -          WITHDRAWN  IN_REVIEW/APPROVED    RETURNED  REJECTED  -         -          -",
        "RETURNED     -       SUBMITTED  WITHDRAWN  -                     -         -         -         -          -",
        "APPROVED     -       -          WITHDRAWN  -                     -         -         ENROLLED  -          CANCELLED",
        "REJECTED     -       -          -          -                     -         -         -         -          -",
        "WITHDRAWN    -       -          -          -                     -         -         -         -          -",
        "ENROLLED     -       -          -          -                     -         -         -         COMPLETED  CANCELLED",
        "COMPLETED    -       -          -          -                     -         -         -         -          -",
        "CANCELLED    -       -          -          -                     -         -         -         -          -",
    };

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (String row : TABLE) {
            String[] f = row.trim().split("\\s+");
            assertEquals(1 + COLUMNS.size(), f.length, row);
            ApplicationStatus from = ApplicationStatus.valueOf(f[0]);
            for (int i = 0; i < COLUMNS.size(); i++) {
                String cell = f[i + 1];
                String[] byStage = cell.split("/");
                String notLast = byStage[0];
                String last = byStage.length == 2 ? byStage[1] : byStage[0];
                cells.add(Arguments.of(from, COLUMNS.get(i), false, notLast));
                cells.add(Arguments.of(from, COLUMNS.get(i), true, last));
            }
        }
        return cells.stream();
    }

    @Test
    void theTableCoversEveryStatusAndEveryAction() {
        assertEquals(EnumSet.allOf(Action.class), EnumSet.copyOf(COLUMNS));
        assertEquals(Action.values().length, COLUMNS.size());
        List<ApplicationStatus> rows = Arrays.stream(TABLE).map(r -> ApplicationStatus.valueOf(r.trim().split("\\s+")[0])).toList();
        assertEquals(EnumSet.allOf(ApplicationStatus.class), EnumSet.copyOf(rows));
        assertEquals(ApplicationStatus.values().length, rows.size());
        assertEquals(9 * 9 * 2, cells().count());
    }

    @ParameterizedTest(name = "{0} --{1}(lastStage={2})--> {3}")
    @MethodSource("cells")
    void everyTransition(ApplicationStatus from, Action action, boolean lastStage, String expected) {
        if (expected.equals("-")) {
            DomainException e = assertThrows(DomainException.class, () -> StateMachine.next(from, action, lastStage));
            assertEquals(ErrorCode.ILLEGAL_TRANSITION, e.code());
            assertEquals(false, action.allowedFrom(from));
        } else {
            assertEquals(ApplicationStatus.valueOf(expected), StateMachine.next(from, action, lastStage));
            assertEquals(true, action.allowedFrom(from));
        }
    }

    @Test
    void finalStatusesAreExactlyCompletedRejectedWithdrawnAndCancelled() {
        EnumSet<ApplicationStatus> expected = EnumSet.of(ApplicationStatus.COMPLETED, ApplicationStatus.REJECTED,
                ApplicationStatus.WITHDRAWN, ApplicationStatus.CANCELLED);
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertEquals(expected.contains(s), Action.isFinal(s), s.name());
        }
        assertEquals(EnumSet.of(ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN, ApplicationStatus.CANCELLED),
                ApplicationStatus.ENDED);
        assertEquals(EnumSet.of(ApplicationStatus.APPROVED, ApplicationStatus.ENROLLED, ApplicationStatus.COMPLETED),
                ApplicationStatus.HOLDING_PLACE);
    }

    @Test
    void theRefusalNamesTheActionAndTheStatusOnly() {
        DomainException e = assertThrows(DomainException.class,
                () -> StateMachine.next(ApplicationStatus.ENROLLED, Action.WITHDRAW, false));
        assertEquals("cannot withdraw an application that is ENROLLED", e.getMessage());
    }

    @Test
    void eachActionBelongsToOneRole() {
        for (Action a : List.of(Action.SUBMIT, Action.RESUBMIT, Action.WITHDRAW)) {
            assertEquals(Roles.WORKER, a.role(), a.name());
        }
        for (Action a : List.of(Action.APPROVE, Action.RETURN, Action.REJECT)) {
            assertEquals(Roles.REVIEWER, a.role(), a.name());
        }
        for (Action a : List.of(Action.ENROLL, Action.COMPLETE, Action.DROP)) {
            assertEquals(Roles.ACADEMY, a.role(), a.name());
        }
    }
}
