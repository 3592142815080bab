package io.notionbridge.notion.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionJson;

/**
 * Reads one Notion property value ({@code {"id":…,"type":T,T:…}}) into a plain Java value:
 * <table>
 *   <caption>type → value</caption>
 *   <tr><td>title, rich_text</td><td>String (plain text joined; "" when empty)</td></tr>
 *   <tr><td>number</td><td>BigDecimal or null</td></tr>
 *   <tr><td>select, status</td><td>option name or null</td></tr>
 *   <tr><td>multi_select</td><td>List of option names</td></tr>
 *   <tr><td>date</td><td>{@link NotionDate} or null</td></tr>
 *   <tr><td>checkbox</td><td>Boolean</td></tr>
 *   <tr><td>url, email, phone_number</td><td>String or null</td></tr>
 *   <tr><td>people</td><td>List of {@link UserRef}</td></tr>
 *   <tr><td>relation</td><td>{@link RelationValue} (ids and has_more)</td></tr>
 *   <tr><td>formula</td><td>the result: String, BigDecimal, Boolean or NotionDate</td></tr>
 *   <tr><td>rollup</td><td>BigDecimal, NotionDate, List of read values, or {@link UncomputedRollup}</td></tr>
 *   <tr><td>files</td><td>List of {@link FileRef}</td></tr>
 *   <tr><td>created_time, last_edited_time</td><td>Instant</td></tr>
 *   <tr><td>created_by, last_edited_by</td><td>user id</td></tr>
 *   <tr><td>unique_id</td><td>"PREFIX-123", or Long 123 without prefix</td></tr>
 *   <tr><td>verification</td><td>state ("verified", …) or null</td></tr>
 *   <tr><td>button</td><td>null</td></tr>
 *   <tr><td>place</td><td>Map or null</td></tr>
 * </table>
 * An unknown type, or a value whose shape does not match its type, comes back as the raw JSON: reading never fails.
 * {@link FlatJson} turns any of these values into JSON.
 */
public final class PropertyReader {

    private PropertyReader() {
    }

    public static Object read(JsonNode propertyValue) {
        if (propertyValue == null || propertyValue.isNull() || propertyValue.isMissingNode()) {
            return null;
        }
        if (!propertyValue.isObject() || !propertyValue.path("type").isTextual()) {
            return propertyValue.deepCopy();
        }
        String type = propertyValue.get("type").asText();
        try {
            return readTyped(type, propertyValue.get(type), propertyValue);
        } catch (RuntimeException unexpectedShape) {
            return propertyValue.deepCopy();
        }
    }

    private static Object readTyped(String type, JsonNode v, JsonNode whole) {
        if (v == null && !"button".equals(type)) {
            return whole.deepCopy();
        }
        return switch (type) {
            case "title", "rich_text" -> RichTexts.plainText(v);
            case "number" -> number(v);
            case "select", "status" -> v.isNull() ? null : text(v.get("name"));
            case "multi_select" -> list(v, o -> text(o.get("name")));
            case "date" -> NotionDate.fromJson(v);
            case "checkbox" -> bool(v);
            case "url", "email", "phone_number" -> text(v);
            case "people" -> list(v, UserRef::fromJson);
            case "relation" -> new RelationValue(list(v, o -> text(o.get("id"))), whole.path("has_more").asBoolean());
            case "formula" -> formula(v);
            case "rollup" -> rollup(v);
            case "files" -> list(v, FileRef::fromJson);
            case "created_time", "last_edited_time" -> v.isNull() ? null : NotionDate.instant(v.asText());
            case "created_by", "last_edited_by" -> v.isNull() ? null : text(v.get("id"));
            case "unique_id" -> uniqueId(v);
            case "verification" -> v.isNull() ? null : text(v.get("state"));
            case "button" -> null;
            case "place" -> v.isNull() ? null : NotionJson.MAPPER.convertValue(v, new TypeReference<Map<String, Object>>() { });
            default -> whole.deepCopy();
        };
    }

    private static Object formula(JsonNode f) {
        String type = f.path("type").asText();
        JsonNode v = f.get(type);
        return switch (type) {
            case "string" -> text(v);
            case "number" -> number(v);
            case "boolean" -> v == null || v.isNull() ? null : bool(v);
            case "date" -> NotionDate.fromJson(v);
            default -> f.deepCopy();
        };
    }

    private static Object rollup(JsonNode r) {
        String type = r.path("type").asText();
        JsonNode v = r.get(type);
        return switch (type) {
            case "number" -> number(v);
            case "date" -> NotionDate.fromJson(v);
            case "array" -> list(v, PropertyReader::read);
            case "incomplete", "unsupported" -> new UncomputedRollup(type, r.path("function").asText(null));
            default -> r.deepCopy();
        };
    }

    private static Object uniqueId(JsonNode u) {
        if (u.isNull() || u.path("number").isNull() || u.path("number").isMissingNode()) {
            return null;
        }
        long n = u.get("number").longValue();
        String prefix = text(u.get("prefix"));
        return prefix == null ? (Object) n : prefix + "-" + n;
    }

    static Object number(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("not a number: " + v);
        }
        return v.decimalValue();
    }

    private static Boolean bool(JsonNode v) {
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("not a boolean: " + v);
        }
        return v.booleanValue();
    }

    static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("not an array: " + array);
        }
        List<T> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(item.apply(n)));
        return out;
    }
}
