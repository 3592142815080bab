package io.notionbridge.sandbox.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.PageRecord;

/**
 * Compiles a Notion query filter into a predicate on pages: property filters by type (text, number, checkbox,
 * select, status, multi_select, date, relation, people, files, formula, unique_id, timestamps), timestamp filters,
 * and {@code and}/{@code or} compounds nested at most two levels deep. Invalid filters fail with
 * {@code validation_error} before any page is read.
 */
public final class FilterEvaluator {

    private static final Set<String> TEXT_KEYS = Set.of("title", "rich_text", "url", "email", "phone_number");
    private static final Set<String> TEXT_TYPES = TEXT_KEYS;

    private final Clock clock;

    public FilterEvaluator(Clock clock) {
        this.clock = clock;
    }

    /** The predicate for {@code filter} (null or absent: every page). */
    public Predicate<PageRecord> compile(JsonNode filter, DataSourceRecord ds) {
        if (filter == null || filter.isNull() || filter.isMissingNode()) {
            return p -> true;
        }
        return node(filter, ds, "body.filter", 0);
    }

    private Predicate<PageRecord> node(JsonNode f, DataSourceRecord ds, String path, int depth) {
        if (!f.isObject()) {
            throw ApiError.validation("body failed validation: " + path + " should be an object, instead was `" + f + "`.");
        }
        if (f.has("and") || f.has("or")) {
            String op = f.has("and") ? "and" : "or";
            if (depth >= 2) {
                throw ApiError.validation("body failed validation: " + path + "." + op
                        + " nests compound filters more than two levels deep, which Notion does not support.");
            }
            JsonNode items = f.get(op);
            if (!items.isArray()) {
                throw ApiError.validation("body failed validation: " + path + "." + op + " should be an array, instead was `"
                        + items + "`.");
            }
            List<Predicate<PageRecord>> parts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                parts.add(node(items.get(i), ds, path + "." + op + "[" + i + "]", depth + 1));
            }
            return op.equals("and") ? p -> parts.stream().allMatch(x -> x.test(p))
                    : p -> parts.stream().anyMatch(x -> x.test(p));
        }
        if (f.has("timestamp")) {
            return timestamp(f, path);
        }
        if (!f.has("property")) {
            throw ApiError.validation("body failed validation: " + path + " should be a property filter, a timestamp "
                    + "filter or an `and`/`or` compound, instead was `" + f + "`.");
        }
        String prop = f.get("property").asText();
        ObjectNode schema = ds.property(prop).orElseThrow(() -> ApiError.validation(
                "Could not find property with name or id: " + prop));
        return property(f, schema, path);
    }

    private Predicate<PageRecord> timestamp(JsonNode f, String path) {
        String ts = f.get("timestamp").asText();
        if (f.has("property")) {
            throw ApiError.validation("body failed validation: " + path + ".property should be not present for a "
                    + "timestamp filter, instead was `" + f.get("property").asText() + "`.");
        }
        if (!ts.equals("created_time") && !ts.equals("last_edited_time")) {
            throw ApiError.bodyValidation(path.substring(5) + ".timestamp", "`created_time` or `last_edited_time`", ts);
        }
        Predicate<java.time.Instant> cond = Conditions.date(f.get(ts), path + "." + ts, clock);
        return ts.equals("created_time") ? p -> cond.test(p.createdTime) : p -> cond.test(p.lastEditedTime);
    }

    private Predicate<PageRecord> property(JsonNode f, ObjectNode schema, String path) {
        String type = schema.path("type").asText();
        String key = conditionKey(f, schema, path);
        JsonNode cond = f.get(key);
        String cpath = path + "." + key;
        if (TEXT_KEYS.contains(key)) {
            Predicate<String> c = Conditions.text(cond, cpath);
            return p -> c.test(PropertyReader.text(p, schema));
        }
        switch (key) {
            case "number", "unique_id": {
                Predicate<Double> c = Conditions.number(cond, cpath);
                return p -> c.test(PropertyReader.number(p, schema));
            }
            case "checkbox": {
                Predicate<Boolean> c = Conditions.checkbox(cond, cpath);
                return p -> c.test(PropertyReader.checkbox(p, schema));
            }
            case "select", "status": {
                Predicate<String> c = Conditions.option(cond, cpath);
                return p -> c.test(PropertyReader.optionName(p, schema));
            }
            case "multi_select": {
                Predicate<List<String>> c = Conditions.list(cond, cpath, false);
                return p -> c.test(PropertyReader.list(p, schema, "name"));
            }
            case "relation": {
                Predicate<List<String>> c = Conditions.list(cond, cpath, true);
                return p -> c.test(PropertyReader.list(p, schema, "id"));
            }
            case "people", "created_by", "last_edited_by": {
                Predicate<List<String>> c = Conditions.list(cond, cpath, true);
                return p -> c.test(PropertyReader.userIds(p, schema));
            }
            case "date", "created_time", "last_edited_time": {
                Predicate<java.time.Instant> c = Conditions.date(cond, cpath, clock);
                return p -> c.test(PropertyReader.date(p, schema));
            }
            case "files": {
                Predicate<List<String>> c = Conditions.list(cond, cpath, false);
                return p -> c.test(PropertyReader.list(p, schema, "name"));
            }
            case "formula":
                return FormulaFilter.compile(cond, schema, cpath, clock);
            default:
                throw ApiError.validation("body failed validation: " + cpath + " is not a supported filter for a "
                        + type + " property.");
        }
    }

    /** The condition key of a property filter; it must suit the property's type. */
    private static String conditionKey(JsonNode f, ObjectNode schema, String path) {
        String type = schema.path("type").asText();
        String name = schema.path("name").asText();
        for (java.util.Iterator<String> it = f.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equals("property") || k.equals("type")) {
                continue;
            }
            boolean ok = k.equals(type) || (TEXT_KEYS.contains(k) && TEXT_TYPES.contains(type))
                    || (k.equals("date") && (type.equals("created_time") || type.equals("last_edited_time")))
                    || (k.equals("people") && (type.equals("created_by") || type.equals("last_edited_by")))
                    || (k.equals("number") && type.equals("unique_id"));
            if (!ok) {
                throw ApiError.validation("body failed validation: " + path + "." + k + " does not match the type of "
                        + "property \"" + name + "\", which is " + type + ".");
            }
            return k;
        }
        throw ApiError.validation("body failed validation: " + path + " should have a condition for property \""
                + name + "\" (" + type + "), instead was `" + f + "`.");
    }
}
