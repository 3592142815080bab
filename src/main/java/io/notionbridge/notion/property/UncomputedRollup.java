package io.notionbridge.notion.property;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * A rollup Notion did not compute: {@code incomplete} (the page object or property item list stopped before the
 * last page; read it through the page property item endpoint to the end) or {@code unsupported}.
 * As JSON: {@code {"rollup":"incomplete","function":"sum"}}.
 */
public record UncomputedRollup(String type, String function) {

    public boolean incomplete() {
        return "incomplete".equals(type);
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode n = NotionJson.object();
        n.put("rollup", type);
        n.put("function", function);
        return n;
    }
}
