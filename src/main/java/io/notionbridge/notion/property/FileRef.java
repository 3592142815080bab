package io.notionbridge.notion.property;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * One entry of a {@code files} value: its name and URL. Notion-hosted URLs ({@code type: file}) expire about an hour
 * after they were read; external ones do not. As JSON: {@code {"name":…,"url":…}}.
 */
public record FileRef(String name, String url) {

    static FileRef fromJson(JsonNode file) {
        String type = file.path("type").asText("");
        JsonNode url = file.path(type).path("url");
        return new FileRef(file.path("name").asText(null), url.isTextual() ? url.asText() : null);
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode n = NotionJson.object();
        n.put("name", name);
        n.put("url", url);
        return n;
    }
}
