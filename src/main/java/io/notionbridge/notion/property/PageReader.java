package io.notionbridge.notion.property;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a Notion page object ({@code object: page}) into a {@link PageView}. */
public final class PageReader {

    private PageReader() {
    }

    /** @throws IllegalArgumentException when {@code page} is not a page object */
    public static PageView read(JsonNode page) {
        if (!isPage(page)) {
            throw new IllegalArgumentException("not a Notion page object (object: "
                    + (page == null ? "null" : page.path("object").asText("missing")) + ")");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        page.path("properties").properties().forEach(e -> {
            properties.put(e.getKey(), PropertyReader.read(e.getValue()));
            String id = PropertyReader.text(e.getValue().get("id"));
            if (id != null) {
                names.put(PropertyIds.decode(id), e.getKey());
            }
        });
        boolean inTrash = page.has("in_trash") ? page.path("in_trash").asBoolean() : page.path("archived").asBoolean();
        return new PageView(page.get("id").asText(), PageParent.fromJson(page.get("parent")),
                time(page.get("created_time")), time(page.get("last_edited_time")), inTrash,
                page.path("is_archived").asBoolean(false), PropertyReader.text(page.get("url")), properties, names);
    }

    /** True for a JSON object with {@code object: page} and an id. */
    public static boolean isPage(JsonNode node) {
        return node != null && node.isObject() && "page".equals(node.path("object").asText())
                && node.path("id").isTextual();
    }

    private static Instant time(JsonNode t) {
        return t == null || !t.isTextual() ? null : NotionDate.instant(t.asText());
    }
}
