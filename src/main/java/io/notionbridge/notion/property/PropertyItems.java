package io.notionbridge.notion.property;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.pagination.PageFetcher;
import io.notionbridge.notion.pagination.Paginator;

/**
 * Reads the page property item endpoint ({@code GET /v1/pages/{page}/properties/{property}}), the way to get a
 * relation, people, title or rich text value past the 25 references a page object shows. Simple types come back as
 * one {@code property_item}; list types as a paginated list whose items are joined into the same plain value
 * {@link PropertyReader} gives (text joined, ids collected, rollup from {@code property_item.rollup}).
 */
public final class PropertyItems {

    private PropertyItems() {
    }

    /** Fetches every page of the property's items through {@code fetcher} and reads the whole value. */
    public static Object fetch(String pageId, String propertyId, PageFetcher fetcher) {
        NotionRequest request = NotionRequest.get("/v1/pages/" + NotionRequest.segment(pageId) + "/properties/"
                + NotionRequest.segment(propertyId));
        JsonNode first = fetcher.fetch(request.withQueryParam("page_size", String.valueOf(Paginator.MAX_PAGE_SIZE)));
        if (first == null || !"list".equals(first.path("object").asText())) {
            return PropertyReader.read(first);
        }
        AtomicBoolean firstUsed = new AtomicBoolean();
        PageFetcher replayFirst = r -> firstUsed.compareAndSet(false, true) ? first : fetcher.fetch(r);
        List<JsonNode> results = new ArrayList<>();
        AtomicReference<JsonNode> meta = new AtomicReference<>(first.get("property_item"));
        Paginator.of(request, replayFirst).forEachPage(p -> {
            results.addAll(p.results());
            meta.set(p.response().get("property_item"));
        });
        return read(results, meta.get(), false);
    }

    /** Reads one response of the endpoint: a single {@code property_item}, or one page of the list form. */
    public static Object read(JsonNode response) {
        if (response == null || !"list".equals(response.path("object").asText())) {
            return PropertyReader.read(response);
        }
        List<JsonNode> results = new ArrayList<>();
        response.path("results").forEach(results::add);
        return read(results, response.get("property_item"), response.path("has_more").asBoolean());
    }

    /**
     * Joins list results into one value. {@code hasMore} is true when these are not all the items (it becomes a
     * relation's {@code has_more}).
     */
    public static Object read(List<JsonNode> results, JsonNode propertyItem, boolean hasMore) {
        String type = propertyItem != null && propertyItem.path("type").isTextual() ? propertyItem.get("type").asText()
                : results.isEmpty() ? "" : results.get(0).path("type").asText();
        switch (type) {
            case "title", "rich_text" -> {
                StringBuilder sb = new StringBuilder();
                results.forEach(r -> sb.append(RichTexts.plainText(r.get(type))));
                return sb.toString();
            }
            case "relation" -> {
                List<String> ids = new ArrayList<>();
                results.forEach(r -> ids.add(r.path("relation").path("id").asText()));
                return new RelationValue(ids, hasMore);
            }
            case "people" -> {
                List<UserRef> people = new ArrayList<>();
                results.forEach(r -> people.add(UserRef.fromJson(r.path("people"))));
                return people;
            }
            case "rollup" -> {
                JsonNode rollup = propertyItem.path("rollup");
                if ("array".equals(rollup.path("type").asText())) {
                    List<Object> items = new ArrayList<>();
                    results.forEach(r -> items.add(PropertyReader.read(r)));
                    return items;
                }
                ObjectNode value = NotionJson.object();
                value.put("type", "rollup");
                value.set("rollup", rollup);
                return PropertyReader.read(value);
            }
            default -> {
                List<Object> items = new ArrayList<>();
                results.forEach(r -> items.add(PropertyReader.read(r)));
                return items;
            }
        }
    }
}
