package io.notionbridge.tasks;

import static io.notionbridge.tasks.TaskState.COMPLETED;
import static io.notionbridge.tasks.TaskState.DRAFT;
import static io.notionbridge.tasks.TaskState.PROCESSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TaskTransitionsTest {

    /** Every allowed move: the table in TaskTransitions' Javadoc. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "DRAFT, PENDING",
        "PENDING, PROCESSING", "PENDING, DRAFT", "PENDING, FAILED",
        "PROCESSING, AWAITING_REVIEW", "PROCESSING, COMPLETED", "PROCESSING, FAILED", "PROCESSING, PENDING",
        "AWAITING_REVIEW, APPROVED", "AWAITING_REVIEW, REJECTED",
        "APPROVED, PROCESSING", "APPROVED, COMPLETED",
        "REJECTED, PENDING", "REJECTED, DRAFT",
        "FAILED, RETRY", "FAILED, DRAFT",
        "RETRY, PENDING", "RETRY, PROCESSING"})
    void allowedMoves(TaskState from, TaskState to) {
        assertEquals(TransitionCheck.ok(), TaskTransitions.check(from, to));
        assertTrue(TaskTransitions.allowedFrom(from).contains(to));
    }

    @Test
    void theTableHasExactlyTheMovesListed() {
        int allowed = 0;
        for (TaskState from : TaskState.values()) {
            for (TaskState to : TaskState.values()) {
                allowed += TaskTransitions.check(from, to).allowed() ? 1 : 0;
            }
        }
        assertEquals(18, allowed, "one per row of allowedMoves");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        COMPLETED       | PROCESSING      | cannot move a task from completed to processing: completed is final
        COMPLETED       | DRAFT           | cannot move a task from completed to draft: completed is final
        DRAFT           | COMPLETED       | cannot move a task from draft to completed: from draft it can move to pending
        DRAFT           | PROCESSING      | cannot move a task from draft to processing: from draft it can move to pending
        AWAITING_REVIEW | COMPLETED       | cannot move a task from awaiting_review to completed: from awaiting_review it can move to approved, rejected
        FAILED          | PROCESSING      | cannot move a task from failed to processing: from failed it can move to draft, retry
        REJECTED        | APPROVED        | cannot move a task from rejected to approved: from rejected it can move to draft, pending
        PENDING         | AWAITING_REVIEW | cannot move a task from pending to awaiting_review: from pending it can move to draft, processing, failed
        PROCESSING      | PROCESSING      | task is already processing
        """)
    void forbiddenMovesSayWhy(TaskState from, TaskState to, String reason) {
        TransitionCheck check = TaskTransitions.check(from, to);
        assertFalse(check.allowed());
        assertEquals(reason, check.reason());
    }

    @ParameterizedTest
    @EnumSource(TaskState.class)
    void noStateMovesToItself(TaskState state) {
        assertEquals("task is already " + state.dbValue(), TaskTransitions.check(state, state).reason());
    }

    @Test
    void completedIsTheOnlyFinalStateAndEveryOtherIsReachable() {
        for (TaskState s : TaskState.values()) {
            assertEquals(s == COMPLETED, TaskTransitions.isFinal(s), s.toString());
        }
        Set<TaskState> reachable = EnumSet.of(DRAFT);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (TaskState s : EnumSet.copyOf(reachable)) {
                grew |= reachable.addAll(TaskTransitions.allowedFrom(s));
            }
        }
        assertEquals(EnumSet.allOf(TaskState.class), reachable);
        assertEquals(EnumSet.noneOf(TaskState.class), TaskTransitions.allowedFrom(COMPLETED));
        assertTrue(TaskTransitions.allowedFrom(PROCESSING).contains(COMPLETED));
    }
}
