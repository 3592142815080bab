package io.notionbridge.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a task becomes when its Notion page has been read: the one place that decides how a Notion edit and the
 * database's own state combine. Plain logic, no store.
 * <ul>
 *   <li>Title, Channel, Topic and Story Direction belong to Notion: always taken from the page.</li>
 *   <li>An invalid entry (see {@link TaskValidator}) is draft, with its reasons in {@code validation_error}.</li>
 *   <li>Status and Priority: Notion changed a value when the page shows something else than the baseline
 *       ({@code notion_status}/{@code notion_priority}: what Notion showed at the last look or write). A Notion change
 *       is taken, unless the database holds a change of its own that Notion has not been shown yet: then the
 *       <b>database wins</b> and the poller writes its value over Notion's. Two exceptions, because there the
 *       database value was only derived from Notion: a draft forced by a validation error follows Notion's Status
 *       once the entry is valid, and a priority filled in from the channel default follows Notion's Priority.</li>
 *   <li>A new page gets Notion's status (blank: draft) and Notion's priority, or the channel's default priority.</li>
 *   <li>A task that goes back to draft or pending loses its worker's claim.</li>
 *   <li>When the result differs from what Notion shows, the task needs a push.</li>
 * </ul>
 */
public final class TaskMerge {

    /**
     * The task's new values.
     *
     * @param notionStatus   the new baseline: the Status option the page shows
     * @param notionPriority the new baseline: the Priority option the page shows (null: none)
     * @param needsPush      Notion must be written to show {@code status} and {@code priority}
     * @param notes          what was decided, for the log (conflicts, corrections)
     */
    public record Result(String title, String channel, String topic, String storyDirection, TaskState status,
                         TaskPriority priority, String notionStatus, String notionPriority, String validationError,
                         boolean clearClaim, boolean needsPush, List<String> notes) {
    }

    static final int TITLE_MAX = 2000;
    static final int CHANNEL_MAX = 100;
    static final int OPTION_MAX = 100;

    private TaskMerge() {
    }

    /**
     * @param existing   the task as stored, or null for a page seen for the first time
     * @param draft      the page, read
     * @param validation the draft's validation
     * @param channels   the configured channels (default priorities)
     */
    public static Result merge(Task existing, TaskDraft draft, ValidationResult validation, ChannelRegistry channels) {
        List<String> notes = new ArrayList<>();
        String shownStatus = cut(draft.statusOption(), OPTION_MAX);
        String shownPriority = cut(draft.priorityOption(), OPTION_MAX);
        TaskState notionState = shownStatus == null ? TaskState.DRAFT
                : TaskStatusMapping.toState(shownStatus).orElse(TaskState.DRAFT);
        Optional<TaskPriority> notionPriority = shownPriority == null ? Optional.empty() : TaskPriority.parse(shownPriority);
        TaskPriority channelDefault = channels.find(draft.channel()).map(Channel::defaultPriority).orElse(TaskPriority.DEFAULT);

        TaskState status;
        TaskPriority priority;
        if (existing == null) {
            status = notionState;
            priority = notionPriority.orElse(channelDefault);
        } else {
            boolean dbChange = existing.hasUnpushedChange();
            boolean statusEdited = !sameOption(shownStatus, existing.notionStatus());
            boolean forcedDraft = existing.status() == TaskState.DRAFT && existing.validationError() != null;
            if (forcedDraft || (statusEdited && !dbChange)) {
                status = notionState;
            } else {
                status = existing.status();
                if (statusEdited && notionState != existing.status()) {
                    notes.add("conflict on Status: the database keeps " + existing.status().dbValue() + " over Notion's "
                            + shownStatus);
                }
            }
            boolean priorityEdited = !sameOption(shownPriority, existing.notionPriority());
            boolean defaulted = existing.notionPriority() == null;
            if (priorityEdited && (!dbChange || defaulted)) {
                priority = shownPriority == null ? channelDefault : notionPriority.orElse(existing.priority());
            } else {
                priority = existing.priority();
                if (priorityEdited && notionPriority.map(p -> p != existing.priority()).orElse(true)) {
                    notes.add("conflict on Priority: the database keeps " + existing.priority().dbValue()
                            + " over Notion's " + (shownPriority == null ? "(empty)" : shownPriority));
                }
            }
        }
        String validationError = null;
        if (!validation.valid()) {
            validationError = String.join("; ", validation.reasons());
            status = TaskState.DRAFT;
        }
        boolean clearClaim = existing != null && existing.claimedBy() != null
                && (status == TaskState.DRAFT || status == TaskState.PENDING);
        boolean needsPush = TaskStatusMapping.needsWrite(status, shownStatus) || shownPriority == null
                || !priority.notionOption().equalsIgnoreCase(shownPriority.strip());
        return new Result(cut(draft.title(), TITLE_MAX) == null ? "" : cut(draft.title(), TITLE_MAX),
                cut(draft.channel(), CHANNEL_MAX), draft.topic() == null ? null : draft.topic().strip(),
                draft.storyDirection(), status, priority, shownStatus, shownPriority, validationError, clearClaim,
                needsPush, notes);
    }

    private static boolean sameOption(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    private static String cut(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
