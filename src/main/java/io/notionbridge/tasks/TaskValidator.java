package io.notionbridge.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a task coming from Notion before it is accepted: Title and Topic are required, Channel must be a configured
 * channel, and Status and Priority, when set, must be options the bridge knows. An invalid entry stays Draft; the
 * caller logs {@link #warnLine} at WARN.
 */
public final class TaskValidator {

    private final ChannelRegistry channels;

    public TaskValidator(ChannelRegistry channels) {
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    /** Every reason {@code draft} is not acceptable; valid when there is none. */
    public ValidationResult validate(TaskDraft draft) {
        List<String> reasons = new ArrayList<>();
        if (blank(draft.title())) {
            reasons.add("title is required");
        }
        if (blank(draft.topic())) {
            reasons.add("topic is required");
        }
        if (blank(draft.channel())) {
            reasons.add("channel is required");
        } else if (!channels.contains(draft.channel())) {
            reasons.add("channel '" + draft.channel().strip() + "' is not configured (configured: "
                    + String.join(", ", channels.ids()) + ")");
        }
        if (!blank(draft.statusOption()) && TaskStatusMapping.toState(draft.statusOption()).isEmpty()) {
            reasons.add("status '" + draft.statusOption().strip() + "' is not a known status option");
        }
        if (TaskPriority.parse(draft.priorityOption()).isEmpty()) {
            reasons.add("priority '" + draft.priorityOption().strip() + "' is not one of Low, Normal, High");
        }
        return ValidationResult.of(reasons);
    }

    /**
     * The WARN line for an invalid entry:
     * {@code page_id=<id> title="<title>" reason="<r1; r2>" action=entry_remains_in_draft}. Double quotes and
     * backslashes inside values are escaped and line breaks become spaces, so the line stays one parseable line.
     */
    public static String warnLine(TaskDraft draft, ValidationResult result) {
        return "page_id=" + (blank(draft.pageId()) ? "-" : draft.pageId().strip())
                + " title=\"" + quote(draft.title()) + "\""
                + " reason=\"" + quote(String.join("; ", result.reasons())) + "\""
                + " action=entry_remains_in_draft";
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        return s.strip().replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]+", " ");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
