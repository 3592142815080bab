package io.notionbridge.tasks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A task's priority: {@code low}, {@code normal} (the default) or {@code high}; in Notion a select Low/Normal/High. */
public enum TaskPriority {
    LOW("Low"), NORMAL("Normal"), HIGH("High");

    /** The priority of a task that has none. */
    public static final TaskPriority DEFAULT = NORMAL;

    private final String notionOption;

    TaskPriority(String notionOption) {
        this.notionOption = notionOption;
    }

    /** The Notion select option ({@code Normal}). */
    public String notionOption() {
        return notionOption;
    }

    /** The value stored in the database ({@code normal}). */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The priority for a Notion select option or database value, ignoring case: a blank value gives the
     * {@link #DEFAULT}, an unknown one is empty.
     */
    public static Optional<TaskPriority> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(DEFAULT);
        }
        String v = value.strip();
        return Arrays.stream(values()).filter(p -> p.notionOption.equalsIgnoreCase(v)).findFirst();
    }
}
