package io.notionbridge.notion.property;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * Turns values from {@link PropertyReader} (and maps/lists of them) into JSON: instants as ISO strings, numbers as
 * JSON numbers, the value records as their documented shapes. Use it rather than a bare {@code ObjectMapper}, which
 * cannot write {@link Instant} without the JSR-310 module.
 */
public final class FlatJson {

    private FlatJson() {
    }

    public static JsonNode toJson(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof Instant i) {
            return NotionJson.object().textNode(i.toString());
        }
        if (value instanceof BigDecimal d) {
            return NotionJson.object().numberNode(d);
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode a = NotionJson.array();
            items.forEach(item -> a.add(toJson(item)));
            return a;
        }
        if (value instanceof Map<?, ?> map) {
            return toJson(map);
        }
        return NotionJson.MAPPER.valueToTree(value);
    }

    /** A map of names to read values as a JSON object, in the map's order. */
    public static ObjectNode toJson(Map<?, ?> map) {
        ObjectNode o = NotionJson.object();
        map.forEach((k, v) -> o.set(String.valueOf(k), toJson(v)));
        return o;
    }
}
