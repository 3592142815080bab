package io.notionbridge.sandbox.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.NotionTime;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.model.RichText;

/** Reads a page's property as a plain Java value for filtering and sorting (text, number, names, ids, instants). */
final class PropertyReader {

    private PropertyReader() {
    }

    /** The text of a text-like property (title, rich_text, url, email, phone_number), "" when empty. */
    static String text(PageRecord p, ObjectNode schema) {
        JsonNode v = stored(p, schema);
        if (v == null || v.isNull()) {
            return "";
        }
        return v.isArray() ? RichText.plain(v) : v.asText("");
    }

    static Double number(PageRecord p, ObjectNode schema) {
        JsonNode v = stored(p, schema);
        if ("unique_id".equals(schema.path("type").asText())) {
            v = v == null ? null : v.get("number");
        }
        return v == null || !v.isNumber() ? null : v.asDouble();
    }

    /** The option name of a select or status, or null. */
    static String optionName(PageRecord p, ObjectNode schema) {
        JsonNode v = stored(p, schema);
        return v == null || v.isNull() ? null : v.path("name").asText(null);
    }

    /** Option names of a multi_select, or ids of a relation/people value. */
    static List<String> list(PageRecord p, ObjectNode schema, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = stored(p, schema);
        if (v != null && v.isArray()) {
            v.forEach(item -> out.add(item.path(field).asText()));
        }
        return out;
    }

    static boolean checkbox(PageRecord p, ObjectNode schema) {
        JsonNode v = stored(p, schema);
        return v != null && v.asBoolean();
    }

    /** The start of a date value, or a page timestamp for created/last_edited_time properties; null when empty. */
    static Instant date(PageRecord p, ObjectNode schema) {
        switch (schema.path("type").asText()) {
            case "created_time":
                return p.createdTime;
            case "last_edited_time":
                return p.lastEditedTime;
            default:
                JsonNode v = stored(p, schema);
                if (v == null || v.isNull() || !v.path("start").isTextual()) {
                    return null;
                }
                return NotionTime.parse(v.path("start").asText());
        }
    }

    /** The user id behind a people-like property, including created_by/last_edited_by. */
    static List<String> userIds(PageRecord p, ObjectNode schema) {
        return switch (schema.path("type").asText()) {
            case "created_by" -> List.of(p.createdBy);
            case "last_edited_by" -> List.of(p.lastEditedBy);
            default -> list(p, schema, "id");
        };
    }

    static JsonNode stored(PageRecord p, ObjectNode schema) {
        return p.values.get(schema.path("id").asText());
    }
}
