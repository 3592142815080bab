package io.notionbridge.ops;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.runtime.JsonBody;

/**
 * One option a job takes when it is run by hand through the admin API ({@code POST /admin/jobs/{job}/run} with a JSON
 * body): the name in the body, which is also the header the job's {@code direct:} route reads, its JSON type, and the
 * values allowed (a range for integers; for strings a list of comma-separated names, empty for any text).
 */
public record JobOption(String name, Type type, long min, long max, List<String> values) {

    /** JSON types an option can have. */
    public enum Type { BOOLEAN, INTEGER, STRING }

    /** Longest string option accepted. */
    static final int MAX_TEXT = 300;

    public JobOption {
        values = List.copyOf(values);
    }

    public static JobOption flag(String name) {
        return new JobOption(name, Type.BOOLEAN, 0, 0, List.of());
    }

    public static JobOption integer(String name, long min, long max) {
        return new JobOption(name, Type.INTEGER, min, max, List.of());
    }

    public static JobOption text(String name) {
        return new JobOption(name, Type.STRING, 0, 0, List.of());
    }

    /** A string holding one or more (comma-separated) of {@code values}. */
    public static JobOption names(String name, List<String> values) {
        return new JobOption(name, Type.STRING, 0, 0, values);
    }

    /** Null when {@code value} fits, else what is wrong with it (naming the option). */
    public String problem(JsonNode value) {
        switch (type) {
            case BOOLEAN:
                return value.isBoolean() ? null : name + " must be true or false, got " + JsonBody.kind(value);
            case INTEGER:
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    return name + " must be a whole number from " + min + " to " + max + ", got " + JsonBody.kind(value)
                            + (value.isNumber() ? " " + value.asText() : "");
                }
                long v = value.asLong();
                return v < min || v > max ? name + " must be from " + min + " to " + max + ", got " + v : null;
            case STRING:
            default:
                if (!value.isTextual()) {
                    return name + " must be a string, got " + JsonBody.kind(value);
                }
                String s = value.asText().strip();
                if (s.isEmpty() || s.length() > MAX_TEXT) {
                    return name + " must be 1 to " + MAX_TEXT + " characters, got " + s.length();
                }
                if (!values.isEmpty()) {
                    for (String part : s.split(",")) {
                        if (!values.contains(part.strip())) {
                            return name + " '" + clip(part.strip()) + "' is not one of " + String.join(", ", values);
                        }
                    }
                }
                return null;
        }
    }

    /** The value handed to the job as a header (call only when {@link #problem} is null). */
    public Object value(JsonNode value) {
        return switch (type) {
            case BOOLEAN -> value.asBoolean();
            case INTEGER -> Math.toIntExact(value.asLong());
            case STRING -> value.asText().strip();
        };
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
