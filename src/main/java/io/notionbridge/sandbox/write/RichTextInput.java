package io.notionbridge.sandbox.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.RichText;

/**
 * Normalizes rich text from a request ({@code [{"text":{"content":"x"}}]}, mentions, equations) into the full shape
 * Notion answers with: type, text/mention/equation, annotations, plain_text, href.
 */
final class RichTextInput {

    private RichTextInput() {
    }

    static ArrayNode normalize(JsonNode input, String path) {
        if (input == null || !input.isArray()) {
            throw ApiError.bodyValidation(path, "an array", input == null ? "undefined" : Json.write(input));
        }
        ArrayNode out = Json.array();
        for (int i = 0; i < input.size(); i++) {
            out.add(item(input.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static ObjectNode item(JsonNode in, String path) {
        if (!in.isObject()) {
            throw ApiError.bodyValidation(path, "an object", Json.write(in));
        }
        String type = in.path("type").asText(in.has("mention") ? "mention" : in.has("equation") ? "equation" : "text");
        ObjectNode out;
        switch (type) {
            case "text" -> {
                JsonNode content = in.path("text").get("content");
                if (content == null || !content.isTextual()) {
                    throw ApiError.bodyValidation(path + ".text.content", "defined",
                            content == null ? "undefined" : Json.write(content));
                }
                out = RichText.text(content.asText());
                JsonNode link = in.path("text").get("link");
                if (link != null && link.isObject() && link.path("url").isTextual()) {
                    ((ObjectNode) out.get("text")).putObject("link").put("url", link.path("url").asText());
                    out.put("href", link.path("url").asText());
                }
            }
            case "equation" -> {
                String expr = in.path("equation").path("expression").asText("");
                out = Json.object();
                out.put("type", "equation");
                out.putObject("equation").put("expression", expr);
                out.set("annotations", RichText.defaultAnnotations());
                out.put("plain_text", expr);
                out.putNull("href");
            }
            case "mention" -> out = mention(in.path("mention"), path);
            default -> throw ApiError.bodyValidation(path + ".type", "`text`, `mention` or `equation`", type);
        }
        JsonNode ann = in.get("annotations");
        if (ann != null && ann.isObject()) {
            ObjectNode merged = RichText.defaultAnnotations();
            ann.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
            out.set("annotations", merged);
        }
        return out;
    }

    private static ObjectNode mention(JsonNode m, String path) {
        String type = m.path("type").asText(m.has("user") ? "user" : m.has("page") ? "page"
                : m.has("database") ? "database" : m.has("date") ? "date" : "");
        ObjectNode mention = Json.object();
        mention.put("type", type);
        String plain;
        switch (type) {
            case "user", "page", "database" -> {
                String id = NotionIds.normalize(m.path(type).path("id").asText())
                        .orElseThrow(() -> ApiError.bodyValidation(path + ".mention." + type + ".id", "a valid uuid",
                                m.path(type).path("id").asText("undefined")));
                ObjectNode ref = mention.putObject(type);
                if (type.equals("user")) {
                    ref.put("object", "user");
                }
                ref.put("id", id);
                plain = type.equals("user") ? "@Anonymous" : "Untitled";
            }
            case "date" -> {
                mention.set("date", m.path("date").deepCopy());
                plain = m.path("date").path("start").asText("");
            }
            default -> throw ApiError.bodyValidation(path + ".mention.type", "`user`, `page`, `database` or `date`", type);
        }
        ObjectNode out = Json.object();
        out.put("type", "mention");
        out.set("mention", mention);
        out.set("annotations", RichText.defaultAnnotations());
        out.put("plain_text", plain);
        out.putNull("href");
        return out;
    }
}
