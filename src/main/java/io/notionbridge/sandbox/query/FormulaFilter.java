package io.notionbridge.sandbox.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.NotionTime;
import io.notionbridge.sandbox.model.PageRecord;

/** Formula filters: {@code {"formula":{"string"|"number"|"checkbox"|"date": <condition>}}} on the stored result. */
final class FormulaFilter {

    private FormulaFilter() {
    }

    static Predicate<PageRecord> compile(JsonNode cond, ObjectNode schema, String path, Clock clock) {
        Map.Entry<String, JsonNode> c = Conditions.single(cond, path);
        String kind = c.getKey();
        String sub = path + "." + kind;
        switch (kind) {
            case "string": {
                Predicate<String> p = Conditions.text(c.getValue(), sub);
                return page -> p.test(result(page, schema).path("string").asText(""));
            }
            case "number": {
                Predicate<Double> p = Conditions.number(c.getValue(), sub);
                return page -> {
                    JsonNode n = result(page, schema).path("number");
                    return p.test(n.isNumber() ? n.asDouble() : null);
                };
            }
            case "checkbox": {
                Predicate<Boolean> p = Conditions.checkbox(c.getValue(), sub);
                return page -> p.test(result(page, schema).path("boolean").asBoolean(false));
            }
            case "date": {
                Predicate<Instant> p = Conditions.date(c.getValue(), sub, clock);
                return page -> {
                    JsonNode start = result(page, schema).path("date").path("start");
                    return p.test(start.isTextual() ? NotionTime.parse(start.asText()) : null);
                };
            }
            default:
                throw io.notionbridge.sandbox.model.ApiError.validation("body failed validation: " + sub
                        + " is not a supported formula filter; use string, number, checkbox or date.");
        }
    }

    private static JsonNode result(PageRecord page, ObjectNode schema) {
        JsonNode v = page.values.get(schema.path("id").asText());
        return v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v;
    }
}
