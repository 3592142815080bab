package io.notionbridge.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds rich text objects in Notion's full response shape and reads their plain text. */
public final class RichText {

    private RichText() {
    }

    public static ObjectNode defaultAnnotations() {
        ObjectNode a = Json.object();
        a.put("bold", false);
        a.put("italic", false);
        a.put("strikethrough", false);
        a.put("underline", false);
        a.put("code", false);
        a.put("color", "default");
        return a;
    }

    /** One text item with default annotations. */
    public static ObjectNode text(String content) {
        ObjectNode item = Json.object();
        item.put("type", "text");
        ObjectNode text = item.putObject("text");
        text.put("content", content);
        text.putNull("link");
        item.set("annotations", defaultAnnotations());
        item.put("plain_text", content);
        item.putNull("href");
        return item;
    }

    /** A rich text array holding {@code content} as one item, or empty for null/empty. */
    public static ArrayNode of(String content) {
        ArrayNode arr = Json.array();
        if (content != null && !content.isEmpty()) {
            arr.add(text(content));
        }
        return arr;
    }

    /** The concatenated {@code plain_text} of a rich text array. */
    public static String plain(JsonNode richText) {
        StringBuilder sb = new StringBuilder();
        if (richText != null && richText.isArray()) {
            for (JsonNode item : richText) {
                sb.append(item.path("plain_text").asText(""));
            }
        }
        return sb.toString();
    }
}
