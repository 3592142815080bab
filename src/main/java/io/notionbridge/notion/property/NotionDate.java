package io.notionbridge.notion.property;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * A Notion date value: {@code start}, optional {@code end} and optional {@code time_zone}. {@code start} and
 * {@code end} are a {@link LocalDate} (a date without time) or an {@link OffsetDateTime}; Notion's {@code Z} and
 * {@code +00:00} forms are both read, and a date-time without offset is placed in {@code time_zone} (UTC when none).
 * As JSON it is {@code {"start":"2024-01-01","end":null,"time_zone":null}} with date-times written like Notion's
 * ({@code 2026-05-15T09:21:00.000Z}).
 */
public record NotionDate(Temporal start, Temporal end, String timeZone) {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    public NotionDate {
        Objects.requireNonNull(start, "start");
        start = normalise(start);
        end = end == null ? null : normalise(end);
    }

    public static NotionDate of(Temporal start) {
        return new NotionDate(start, null, null);
    }

    public static NotionDate of(Temporal start, Temporal end) {
        return new NotionDate(start, end, null);
    }

    /** Reads Notion's {@code {start, end, time_zone}} object; null for JSON null or a missing start. */
    public static NotionDate fromJson(JsonNode date) {
        if (date == null || date.isNull() || date.path("start").isNull() || date.path("start").isMissingNode()) {
            return null;
        }
        String tz = date.path("time_zone").isTextual() ? date.get("time_zone").asText() : null;
        String end = date.path("end").isTextual() ? date.get("end").asText() : null;
        return new NotionDate(parse(date.get("start").asText(), tz), end == null ? null : parse(end, tz), tz);
    }

    /** Parses a Notion date or date-time string; a date-time without offset is read in {@code timeZone} or UTC. */
    public static Temporal parse(String value, String timeZone) {
        if (value.indexOf('T') < 0) {
            return LocalDate.parse(value);
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeException noOffset) {
            LocalDateTime local = LocalDateTime.parse(value);
            ZoneId zone = timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
            return local.atZone(zone).toOffsetDateTime();
        }
    }

    /** An ISO timestamp as Notion writes it ({@code Z} or an offset such as {@code +00:00}) as an instant. */
    public static Instant instant(String value) {
        return OffsetDateTime.parse(value).toInstant();
    }

    /** A date as {@code 2024-01-01}, a date-time as {@code 2024-01-01T09:30:00.000Z} (offset kept). */
    public static String format(Temporal t) {
        return t instanceof LocalDate d ? d.toString() : DATE_TIME.format((OffsetDateTime) t);
    }

    public boolean isDateTime() {
        return start instanceof OffsetDateTime;
    }

    /** The start as an instant; a date counts from its midnight in {@code time_zone}, or UTC. */
    public Instant startInstant() {
        if (start instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        ZoneId zone = timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        return ((LocalDate) start).atStartOfDay(zone).toInstant();
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode n = NotionJson.object();
        n.put("start", format(start));
        n.put("end", end == null ? null : format(end));
        n.put("time_zone", timeZone);
        return n;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    private static Temporal normalise(Temporal t) {
        if (t instanceof LocalDate || t instanceof OffsetDateTime) {
            return t;
        }
        if (t instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (t instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        throw new IllegalArgumentException("a Notion date is a LocalDate, OffsetDateTime, ZonedDateTime or Instant, not "
                + t.getClass().getSimpleName());
    }
}
