package io.notionbridge.sandbox.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Notion's timestamps: {@code created_time}/{@code last_edited_time} rounded down to the minute, printed with ms and Z. */
public final class NotionTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private NotionTime() {
    }

    /** Rounds down to the minute, as Notion does for page, database and block times. */
    public static Instant toMinute(Instant t) {
        return t.truncatedTo(ChronoUnit.MINUTES);
    }

    /** {@code 2026-07-04T09:09:00.000Z}. */
    public static String format(Instant t) {
        return FORMAT.format(t);
    }

    /**
     * Parses a date ({@code 2024-05-01}, start of that day in UTC) or a date-time with or without an offset (UTC
     * when none), as filters accept them.
     */
    public static Instant parse(String s) {
        String v = s.trim();
        if (v.length() == 10) {
            return java.time.LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        }
    }

    /** True when {@code s} parses as a Notion date or date-time. */
    public static boolean isValid(String s) {
        try {
            parse(s);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
