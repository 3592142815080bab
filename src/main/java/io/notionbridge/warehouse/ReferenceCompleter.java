package io.notionbridge.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.pagination.PageFetcher;
import io.notionbridge.notion.property.PropertyItems;

/**
 * Completes the property values a page object shows only in part: Notion returns at most 25 references per property.
 * A relation says so with {@code has_more: true}; a people value or a title/rich text with 25 mentions may have been
 * cut without saying so. Those values are read in full from the page property item endpoint
 * ({@link PropertyItems#fetch}) and returned in the page object's own shape, e.g.
 * {@code {"Actions":{"id":"…","type":"relation","relation":[{"id":…} ×40],"has_more":false}}}, keeping Notion's item
 * objects (user objects for people, rich text objects for text) as the endpoint sent them.
 */
public final class ReferenceCompleter {

    /** Notion's limit of references per property in a page object. */
    public static final int PAGE_OBJECT_LIMIT = 25;

    /**
     * What completing one page did.
     *
     * @param completed  property name → full value, or null when nothing needed completing (or completion is off)
     * @param values     values completed
     * @param truncated  values that were (or may have been) cut at 25 references, completed or not
     */
    public record Result(ObjectNode completed, int values, int truncated) {
    }

    private final boolean enabled;

    public ReferenceCompleter(boolean enabled) {
        this.enabled = enabled;
    }

    /** Checks every property of {@code page} and reads the truncated ones through {@code fetcher} (when enabled). */
    public Result complete(JsonNode page, PageFetcher fetcher) {
        ObjectNode completed = null;
        int values = 0;
        int truncated = 0;
        String pageId = page.path("id").asText();
        for (Map.Entry<String, JsonNode> e : page.path("properties").properties()) {
            JsonNode value = e.getValue();
            if (!mayBeTruncated(value)) {
                continue;
            }
            truncated++;
            if (!enabled) {
                continue;
            }
            if (completed == null) {
                completed = NotionJson.object();
            }
            completed.set(e.getKey(), fetchFull(pageId, value, fetcher));
            values++;
        }
        return new Result(completed, values, truncated);
    }

    /** True when the value shows (or may show) only the first 25 references. */
    public static boolean mayBeTruncated(JsonNode value) {
        String type = value.path("type").asText();
        return switch (type) {
            case "relation" -> value.path("has_more").asBoolean(false);
            case "people" -> value.path("people").size() >= PAGE_OBJECT_LIMIT;
            case "title", "rich_text" -> mentions(value.path(type)) >= PAGE_OBJECT_LIMIT;
            default -> false;
        };
    }

    private static int mentions(JsonNode richText) {
        int n = 0;
        for (JsonNode t : richText) {
            if ("mention".equals(t.path("type").asText())) {
                n++;
            }
        }
        return n;
    }

    private static ObjectNode fetchFull(String pageId, JsonNode value, PageFetcher fetcher) {
        String type = value.path("type").asText();
        List<JsonNode> responses = new ArrayList<>();
        PropertyItems.fetch(pageId, value.path("id").asText(), request -> {
            JsonNode response = fetcher.fetch(request);
            responses.add(response);
            return response;
        });
        ObjectNode full = NotionJson.object();
        full.set("id", value.get("id"));
        full.put("type", type);
        ArrayNode items = full.putArray(type);
        for (JsonNode response : responses) {
            if (!"list".equals(response.path("object").asText())) {
                // a single property_item: the whole value is in it
                JsonNode v = response.get(type);
                if (v != null && v.isArray()) {
                    items.addAll((ArrayNode) v);
                }
                continue;
            }
            for (JsonNode item : response.path("results")) {
                JsonNode v = item.get(type);
                if (v != null && !v.isNull()) {
                    items.add(v);
                }
            }
        }
        if (type.equals("relation")) {
            full.put("has_more", false);
        }
        return full;
    }
}
