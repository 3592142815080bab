package io.notionbridge.notion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one Jackson mapper and node factory the Notion client logic uses (thread-safe, default settings). */
public final class NotionJson {

    /** Shared mapper; configure nothing on it after start-up. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private NotionJson() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }
}
