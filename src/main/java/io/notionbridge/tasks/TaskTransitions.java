package io.notionbridge.tasks;

import static io.notionbridge.tasks.TaskState.APPROVED;
import static io.notionbridge.tasks.TaskState.AWAITING_REVIEW;
import static io.notionbridge.tasks.TaskState.COMPLETED;
import static io.notionbridge.tasks.TaskState.DRAFT;
import static io.notionbridge.tasks.TaskState.FAILED;
import static io.notionbridge.tasks.TaskState.PENDING;
import static io.notionbridge.tasks.TaskState.PROCESSING;
import static io.notionbridge.tasks.TaskState.REJECTED;
import static io.notionbridge.tasks.TaskState.RETRY;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The moves the task API allows between the 9 {@link TaskState}s. A refused move is answered with HTTP 409 and the
 * reason from {@link #check}.
 *
 * <table>
 *   <caption>Allowed moves</caption>
 *   <tr><th>from</th><th>to</th><th>meaning</th></tr>
 *   <tr><td>draft</td><td>pending</td><td>the task is complete enough to be queued</td></tr>
 *   <tr><td>pending</td><td>processing, draft, failed</td><td>a worker claims it; it goes back to planning; it is
 *       blocked</td></tr>
 *   <tr><td>processing</td><td>awaiting_review, completed, failed, pending</td><td>the work is done and needs review;
 *       done without review; failed; the worker releases its claim</td></tr>
 *   <tr><td>awaiting_review</td><td>approved, rejected</td><td>the reviewer's verdict</td></tr>
 *   <tr><td>approved</td><td>processing, completed</td><td>publishing work (uploading) starts; it is published</td></tr>
 *   <tr><td>rejected</td><td>pending, draft</td><td>re-queued for rework; back to planning</td></tr>
 *   <tr><td>failed</td><td>retry, draft</td><td>a retry is requested; back to planning</td></tr>
 *   <tr><td>retry</td><td>pending, processing</td><td>re-queued; a worker claims it straight away</td></tr>
 *   <tr><td>completed</td><td>none</td><td>final</td></tr>
 * </table>
 * Moving a task to the state it is already in is refused too ("task is already processing"), so that a second worker
 * claiming the same task gets a conflict. Edits made by people in Notion are not bound by this table: Notion's board
 * lets anyone drag a card anywhere, and the sync takes such edits as they come.
 */
public final class TaskTransitions {

    private static final Map<TaskState, EnumSet<TaskState>> ALLOWED = new EnumMap<>(TaskState.class);

    static {
        ALLOWED.put(DRAFT, EnumSet.of(PENDING));
        ALLOWED.put(PENDING, EnumSet.of(PROCESSING, DRAFT, FAILED));
        ALLOWED.put(PROCESSING, EnumSet.of(AWAITING_REVIEW, COMPLETED, FAILED, PENDING));
        ALLOWED.put(AWAITING_REVIEW, EnumSet.of(APPROVED, REJECTED));
        ALLOWED.put(APPROVED, EnumSet.of(PROCESSING, COMPLETED));
        ALLOWED.put(REJECTED, EnumSet.of(PENDING, DRAFT));
        ALLOWED.put(FAILED, EnumSet.of(RETRY, DRAFT));
        ALLOWED.put(RETRY, EnumSet.of(PENDING, PROCESSING));
        ALLOWED.put(COMPLETED, EnumSet.noneOf(TaskState.class));
    }

    private TaskTransitions() {
    }

    /** Whether a task may move from {@code from} to {@code to}, and if not, why. */
    public static TransitionCheck check(TaskState from, TaskState to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        String move = "cannot move a task from " + from.dbValue() + " to " + to.dbValue() + ": ";
        if (from == to) {
            return TransitionCheck.refused("task is already " + from.dbValue());
        }
        Set<TaskState> next = ALLOWED.get(from);
        if (next.contains(to)) {
            return TransitionCheck.ok();
        }
        if (next.isEmpty()) {
            return TransitionCheck.refused(move + from.dbValue() + " is final");
        }
        return TransitionCheck.refused(move + "from " + from.dbValue() + " it can move to "
                + next.stream().map(TaskState::dbValue).collect(Collectors.joining(", ")));
    }

    /** The states a task in {@code from} may move to (empty for a final state). */
    public static Set<TaskState> allowedFrom(TaskState from) {
        return EnumSet.copyOf(ALLOWED.get(Objects.requireNonNull(from, "from")));
    }

    /** Whether no move leaves {@code state}. */
    public static boolean isFinal(TaskState state) {
        return ALLOWED.get(Objects.requireNonNull(state, "state")).isEmpty();
    }
}
