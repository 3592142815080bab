package io.notionbridge.sandbox.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.PageRecord;

/**
 * Builds the order of query results from Notion's {@code sorts} (property or timestamp, ascending or descending;
 * earlier entries win). Empty values go last. Notion guarantees no order without sorts; the sandbox always ends
 * with creation order (created_time, then insertion) so that results and pagination are stable.
 */
public final class PageSorter {

    private static final Comparator<PageRecord> CREATION = Comparator.comparing((PageRecord p) -> p.createdTime)
            .thenComparingLong(p -> p.seq);

    private PageSorter() {
    }

    public static Comparator<PageRecord> defaultOrder() {
        return CREATION;
    }

    public static Comparator<PageRecord> compile(JsonNode sorts, DataSourceRecord ds) {
        if (sorts == null || sorts.isNull() || sorts.isMissingNode()) {
            return CREATION;
        }
        if (!sorts.isArray()) {
            throw ApiError.bodyValidation("sorts", "an array", sorts.toString());
        }
        Comparator<PageRecord> order = null;
        for (int i = 0; i < sorts.size(); i++) {
            Comparator<PageRecord> c = one(sorts.get(i), ds, "sorts[" + i + "]");
            order = order == null ? c : order.thenComparing(c);
        }
        return order == null ? CREATION : order.thenComparing(CREATION);
    }

    private static Comparator<PageRecord> one(JsonNode s, DataSourceRecord ds, String path) {
        String direction = s.path("direction").asText("ascending");
        if (!direction.equals("ascending") && !direction.equals("descending")) {
            throw ApiError.bodyValidation(path + ".direction", "`ascending` or `descending`", direction);
        }
        boolean desc = direction.equals("descending");
        if (s.has("timestamp")) {
            String ts = s.get("timestamp").asText();
            Function<PageRecord, Instant> key = switch (ts) {
                case "created_time" -> p -> p.createdTime;
                case "last_edited_time" -> p -> p.lastEditedTime;
                default -> throw ApiError.bodyValidation(path + ".timestamp", "`created_time` or `last_edited_time`", ts);
            };
            return nullsLast(key, desc);
        }
        if (!s.has("property")) {
            throw ApiError.bodyValidation(path + ".property", "defined", "undefined");
        }
        String prop = s.get("property").asText();
        ObjectNode schema = ds.property(prop).orElseThrow(() -> ApiError.validation(
                "Could not find sort property with name or id: " + prop));
        return switch (schema.path("type").asText()) {
            case "number", "unique_id" -> nullsLast(p -> PropertyReader.number(p, schema), desc);
            case "checkbox" -> nullsLast(p -> PropertyReader.checkbox(p, schema), desc);
            case "date", "created_time", "last_edited_time" -> nullsLast(p -> PropertyReader.date(p, schema), desc);
            case "select", "status" -> nullsLast(p -> optionIndex(schema, PropertyReader.optionName(p, schema)), desc);
            case "multi_select" -> nullsLast(p -> {
                List<String> names = PropertyReader.list(p, schema, "name");
                return names.isEmpty() ? null : String.join(",", names).toLowerCase(Locale.ROOT);
            }, desc);
            default -> nullsLast(p -> {
                String t = PropertyReader.text(p, schema);
                return t.isEmpty() ? null : t.toLowerCase(Locale.ROOT);
            }, desc);
        };
    }

    /** Select and status sort by the order of their options in the schema, as in Notion. */
    private static Integer optionIndex(ObjectNode schema, String name) {
        if (name == null) {
            return null;
        }
        JsonNode options = schema.path(schema.path("type").asText()).path("options");
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).path("name").asText().equals(name)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static <T extends Comparable<? super T>> Comparator<PageRecord> nullsLast(Function<PageRecord, T> key,
                                                                                        boolean desc) {
        Comparator<T> natural = desc ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(natural));
    }
}
