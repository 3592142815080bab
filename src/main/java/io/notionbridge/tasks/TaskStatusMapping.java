package io.notionbridge.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that maps the 26 Notion status options of the task database onto the 9 internal
 * {@link TaskState}s, and back. Notion's options are finer (a task that is {@code processing} may show
 * {@code Scripting}, {@code Rendering}, ...); the database keeps only the state.
 *
 * <table>
 *   <caption>Options per state, in {@link #allOptions()} order, and the option written when the state changes</caption>
 *   <tr><th>state</th><th>Notion options</th><th>written</th></tr>
 *   <tr><td>draft</td><td>Draft, Needs Info, Ready for Planning, On Hold</td><td>Draft</td></tr>
 *   <tr><td>pending</td><td>Queued, Planned, Scheduled</td><td>Queued</td></tr>
 *   <tr><td>processing</td><td>Processing, Scripting, Assets Generating, Voiceover, Editing, Rendering,
 *       Uploading</td><td>Processing</td></tr>
 *   <tr><td>awaiting_review</td><td>Awaiting Review, In Review</td><td>Awaiting Review</td></tr>
 *   <tr><td>approved</td><td>Approved, Ready to Publish</td><td>Approved</td></tr>
 *   <tr><td>rejected</td><td>Rejected, Changes Requested</td><td>Rejected</td></tr>
 *   <tr><td>completed</td><td>Published, Done, Archived</td><td>Done</td></tr>
 *   <tr><td>failed</td><td>Failed, Blocked</td><td>Failed</td></tr>
 *   <tr><td>retry</td><td>Retry Requested</td><td>Retry Requested</td></tr>
 * </table>
 * Option names match ignoring case and surrounding spaces.
 */
public final class TaskStatusMapping {

    private static final Map<String, TaskState> OPTIONS = new LinkedHashMap<>();
    private static final Map<TaskState, String> CANONICAL = new EnumMap<>(TaskState.class);

    static {
        state(TaskState.DRAFT, "Draft", "Draft", "Needs Info", "Ready for Planning", "On Hold");
        state(TaskState.PENDING, "Queued", "Queued", "Planned", "Scheduled");
        state(TaskState.PROCESSING, "Processing", "Processing", "Scripting", "Assets Generating", "Voiceover", "Editing",
                "Rendering", "Uploading");
        state(TaskState.AWAITING_REVIEW, "Awaiting Review", "Awaiting Review", "In Review");
        state(TaskState.APPROVED, "Approved", "Approved", "Ready to Publish");
        state(TaskState.REJECTED, "Rejected", "Rejected", "Changes Requested");
        state(TaskState.COMPLETED, "Done", "Published", "Done", "Archived");
        state(TaskState.FAILED, "Failed", "Failed", "Blocked");
        state(TaskState.RETRY, "Retry Requested", "Retry Requested");
    }

    private TaskStatusMapping() {
    }

    private static void state(TaskState state, String canonical, String... options) {
        for (String option : options) {
            OPTIONS.put(option, state);
        }
        CANONICAL.put(state, canonical);
    }

    /** The state a Notion status option means; empty for an unknown or blank option. */
    public static Optional<TaskState> toState(String notionStatus) {
        return option(notionStatus).map(OPTIONS::get);
    }

    /**
     * The state a Notion status option means.
     *
     * @throws IllegalArgumentException naming the option and listing the known ones, when it is unknown
     */
    public static TaskState requireState(String notionStatus) {
        return toState(notionStatus).orElseThrow(() -> new IllegalArgumentException("unknown Notion status '"
                + notionStatus + "'; known options: " + String.join(", ", allOptions())));
    }

    /** The option written to Notion when a task enters {@code state}. */
    public static String toNotion(TaskState state) {
        return CANONICAL.get(state);
    }

    /**
     * The option to show in Notion for {@code target}: the current option (spelt as configured) when it already means
     * {@code target}, so a finer option such as {@code Rendering} is kept for {@code processing}; otherwise the
     * canonical option of {@code target}.
     */
    public static String optionToWrite(TaskState target, String currentNotionOption) {
        return option(currentNotionOption).filter(o -> OPTIONS.get(o) == target).orElse(toNotion(target));
    }

    /** Whether Notion must be written to show {@code target}, given the option it shows now. */
    public static boolean needsWrite(TaskState target, String currentNotionOption) {
        return toState(currentNotionOption).map(s -> s != target).orElse(true);
    }

    /** The 26 options, in the order of the table above. */
    public static List<String> allOptions() {
        return Collections.unmodifiableList(new ArrayList<>(OPTIONS.keySet()));
    }

    /** The options that mean {@code state}. */
    public static List<String> optionsOf(TaskState state) {
        return OPTIONS.entrySet().stream().filter(e -> e.getValue() == state).map(Map.Entry::getKey).toList();
    }

    /** The configured spelling of {@code text} as an option, matched ignoring case; empty when unknown. */
    private static Optional<String> option(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return OPTIONS.keySet().stream().filter(o -> o.toLowerCase(Locale.ROOT).equals(t)).findFirst();
    }
}
