package io.notionbridge.tasks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The 9 internal states of a task, as stored in the {@code tasks.status} column. The Notion side has 26 finer status
 * options; {@link TaskStatusMapping} maps between the two, {@link TaskTransitions} says which moves are allowed.
 */
public enum TaskState {
    DRAFT, PENDING, PROCESSING, AWAITING_REVIEW, APPROVED, REJECTED, COMPLETED, FAILED, RETRY;

    /** The value stored in the database: the lower-case name ({@code awaiting_review}). */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state stored as {@code value}, ignoring case and surrounding spaces; empty when it is none. */
    public static Optional<TaskState> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        return Arrays.stream(values()).filter(s -> s.dbValue().equalsIgnoreCase(v)).findFirst();
    }

    /**
     * The state stored as {@code value}.
     *
     * @throws IllegalArgumentException naming the value and the valid ones, when it is not a state
     */
    public static TaskState fromDb(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException("unknown task state '" + value
                + "'; expected one of " + Arrays.stream(values()).map(TaskState::dbValue).collect(Collectors.joining(", "))));
    }
}
