package io.notionbridge.sandbox.query;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.NotionTime;

/** The conditions of Notion's property filters, one builder per value kind. Each returns a predicate on the value. */
final class Conditions {

    private Conditions() {
    }

    /** The only condition key of {@code cond}, with its argument, or a validation error. */
    static Map.Entry<String, JsonNode> single(JsonNode cond, String path) {
        if (cond == null || !cond.isObject() || cond.size() != 1) {
            throw ApiError.validation("body failed validation: " + path + " should have exactly one condition, instead was `"
                    + (cond == null ? "undefined" : cond.toString()) + "`.");
        }
        return cond.fields().next();
    }

    private static ApiError unknown(String path, String key) {
        return ApiError.validation("body failed validation: " + path + "." + key + " is not a supported condition.");
    }

    static Predicate<String> text(JsonNode cond, String path) {
        Map.Entry<String, JsonNode> c = single(cond, path);
        String arg = c.getValue().asText("");
        String lower = arg.toLowerCase(Locale.ROOT);
        return switch (c.getKey()) {
            case "equals" -> v -> v.equals(arg);
            case "does_not_equal" -> v -> !v.equals(arg);
            case "contains" -> v -> v.toLowerCase(Locale.ROOT).contains(lower);
            case "does_not_contain" -> v -> !v.toLowerCase(Locale.ROOT).contains(lower);
            case "starts_with" -> v -> v.toLowerCase(Locale.ROOT).startsWith(lower);
            case "ends_with" -> v -> v.toLowerCase(Locale.ROOT).endsWith(lower);
            case "is_empty" -> String::isEmpty;
            case "is_not_empty" -> v -> !v.isEmpty();
            default -> throw unknown(path, c.getKey());
        };
    }

    static Predicate<Double> number(JsonNode cond, String path) {
        Map.Entry<String, JsonNode> c = single(cond, path);
        double arg = c.getValue().asDouble();
        if (!c.getKey().startsWith("is_") && !c.getValue().isNumber()) {
            throw ApiError.bodyValidation(path.substring("body.".length()) + "." + c.getKey(), "a number",
                    c.getValue().toString());
        }
        return switch (c.getKey()) {
            case "equals" -> v -> v != null && v == arg;
            case "does_not_equal" -> v -> v == null || v != arg;
            case "greater_than" -> v -> v != null && v > arg;
            case "greater_than_or_equal_to" -> v -> v != null && v >= arg;
            case "less_than" -> v -> v != null && v < arg;
            case "less_than_or_equal_to" -> v -> v != null && v <= arg;
            case "is_empty" -> v -> v == null;
            case "is_not_empty" -> v -> v != null;
            default -> throw unknown(path, c.getKey());
        };
    }

    /** select and status: the option's name (null when empty). */
    static Predicate<String> option(JsonNode cond, String path) {
        Map.Entry<String, JsonNode> c = single(cond, path);
        String arg = c.getValue().asText();
        return switch (c.getKey()) {
            case "equals" -> v -> arg.equals(v);
            case "does_not_equal" -> v -> !arg.equals(v);
            case "is_empty" -> v -> v == null;
            case "is_not_empty" -> v -> v != null;
            default -> throw unknown(path, c.getKey());
        };
    }

    /** multi_select (names), relation and people (ids): contains, does_not_contain, is_empty, is_not_empty. */
    static Predicate<List<String>> list(JsonNode cond, String path, boolean ids) {
        Map.Entry<String, JsonNode> c = single(cond, path);
        String raw = c.getValue().asText();
        String arg = ids && !c.getKey().startsWith("is_") ? NotionIds.normalize(raw).orElseThrow(() ->
                ApiError.bodyValidation(path.substring("body.".length()) + "." + c.getKey(), "a valid uuid", raw)) : raw;
        return switch (c.getKey()) {
            case "contains" -> v -> v.contains(arg);
            case "does_not_contain" -> v -> !v.contains(arg);
            case "is_empty" -> List::isEmpty;
            case "is_not_empty" -> v -> !v.isEmpty();
            default -> throw unknown(path, c.getKey());
        };
    }

    static Predicate<Boolean> checkbox(JsonNode cond, String path) {
        Map.Entry<String, JsonNode> c = single(cond, path);
        boolean arg = c.getValue().asBoolean();
        return switch (c.getKey()) {
            case "equals" -> v -> v == arg;
            case "does_not_equal" -> v -> v != arg;
            default -> throw unknown(path, c.getKey());
        };
    }

    /**
     * Dates: a date-only argument compares whole UTC days, a date-time compares to the millisecond (UTC when no
     * offset is given); the relative conditions (past_week…next_year) are relative to the sandbox clock.
     */
    static Predicate<Instant> date(JsonNode cond, String path, Clock clock) {
        Map.Entry<String, JsonNode> c = single(cond, path);
        String key = c.getKey();
        if (key.equals("is_empty")) {
            return v -> v == null;
        }
        if (key.equals("is_not_empty")) {
            return v -> v != null;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        switch (key) {
            case "past_week": return between(now.minus(7, ChronoUnit.DAYS), now);
            case "past_month": return between(today.minusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now);
            case "past_year": return between(today.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now);
            case "next_week": return between(now, now.plus(7, ChronoUnit.DAYS));
            case "next_month": return between(now, today.plusMonths(1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            case "next_year": return between(now, today.plusYears(1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            case "this_week": {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return between(monday.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        monday.plusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            default:
                break;
        }
        String raw = c.getValue().asText();
        if (!NotionTime.isValid(raw)) {
            throw ApiError.bodyValidation(path.substring("body.".length()) + "." + key,
                    "a valid ISO 8601 date or date-time", raw);
        }
        Instant arg = NotionTime.parse(raw);
        boolean dayOnly = raw.trim().length() == 10;
        Instant dayEnd = arg.plus(1, ChronoUnit.DAYS);
        return switch (key) {
            case "equals" -> v -> v != null && (dayOnly ? !v.isBefore(arg) && v.isBefore(dayEnd) : v.equals(arg));
            case "before" -> v -> v != null && v.isBefore(arg);
            case "after" -> v -> v != null && (dayOnly ? !v.isBefore(dayEnd) : v.isAfter(arg));
            case "on_or_before" -> v -> v != null && (dayOnly ? v.isBefore(dayEnd) : !v.isAfter(arg));
            case "on_or_after" -> v -> v != null && !v.isBefore(arg);
            default -> throw unknown(path, key);
        };
    }

    private static Predicate<Instant> between(Instant from, Instant to) {
        return v -> v != null && !v.isBefore(from) && !v.isAfter(to);
    }
}
