package io.notionbridge.notion.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.property.FlatJson;
import io.notionbridge.notion.property.PageReader;
import io.notionbridge.notion.property.PageView;
import io.notionbridge.notion.property.PropertyItems;

/**
 * Recognises a Notion payload and reads the pages in it:
 * <ul>
 *   <li>a page object ({@code object: page});</li>
 *   <li>a list response ({@code object: list}) from a query or search: its pages (other results are skipped with a
 *       note), or the items of a page property item list;</li>
 *   <li>a database automation "Send webhook" payload ({@code {source:{type:automation}, data:<page>}});</li>
 *   <li>an integration webhook event: it carries ids only, so the result is a note naming what to fetch;</li>
 *   <li>any of these inside a captured request {@code {headers, body}}.</li>
 * </ul>
 */
public final class PayloadInspector {

    private static final Map<String, String> FETCH_PATHS = Map.of("page", "/v1/pages/", "database", "/v1/databases/",
            "data_source", "/v1/data_sources/", "block", "/v1/blocks/", "comment", "/v1/comments/");

    private PayloadInspector() {
    }

    /** @throws IllegalArgumentException naming the shape when the payload is none of the recognised ones */
    public static Inspection inspect(JsonNode payload) {
        List<String> notes = new ArrayList<>();
        JsonNode p = payload;
        if (p != null && p.isObject() && p.path("body").isObject() && p.has("headers")) {
            notes.add("read the body of a captured request (headers + body)");
            p = p.get("body");
        }
        if (PageReader.isPage(p)) {
            return new Inspection(Inspection.Kind.PAGE, List.of(PageReader.read(p)), null, notes);
        }
        if (p != null && "automation".equals(p.path("source").path("type").asText()) && PageReader.isPage(p.get("data"))) {
            return new Inspection(Inspection.Kind.AUTOMATION_WEBHOOK, List.of(PageReader.read(p.get("data"))), null,
                    notes);
        }
        if (p != null && "list".equals(p.path("object").asText()) && p.path("results").isArray()) {
            return list(p, notes);
        }
        if (p != null && p.path("entity").path("id").isTextual() && p.path("type").isTextual()) {
            notes.add(eventNote(p));
            return new Inspection(Inspection.Kind.WEBHOOK_EVENT, List.of(), null, notes);
        }
        if (p != null && p.path("verification_token").isTextual()) {
            notes.add("this is a webhook verification request: it holds only the verification token, no page");
            return new Inspection(Inspection.Kind.WEBHOOK_EVENT, List.of(), null, notes);
        }
        throw new IllegalArgumentException("not a Notion page, list, automation webhook or webhook event ("
                + describe(p) + ")");
    }

    private static Inspection list(JsonNode list, List<String> notes) {
        if ("property_item".equals(list.path("type").asText())) {
            ObjectNode v = NotionJson.object();
            JsonNode meta = list.path("property_item");
            v.put("property_id", meta.path("id").asText(null));
            v.put("type", meta.path("type").asText(null));
            v.set("value", FlatJson.toJson(PropertyItems.read(list)));
            if (list.path("has_more").asBoolean()) {
                notes.add("this is one page of the property's items; later pages follow next_cursor "
                        + list.path("next_cursor").asText());
            }
            return new Inspection(Inspection.Kind.PROPERTY_ITEM, List.of(), v, notes);
        }
        List<PageView> pages = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (JsonNode r : list.get("results")) {
            if (PageReader.isPage(r)) {
                pages.add(PageReader.read(r));
            } else {
                skipped.merge(r.path("object").asText("unknown"), 1, Integer::sum);
            }
        }
        if (pages.isEmpty() && !skipped.isEmpty()) {
            throw new IllegalArgumentException("a list of " + skipped + " objects holds no pages");
        }
        skipped.forEach((object, n) -> notes.add("skipped " + n + " " + object + " result(s): not pages"));
        if (list.path("has_more").asBoolean()) {
            notes.add("the list has more results after this page (next_cursor " + list.path("next_cursor").asText()
                    + ")");
        }
        return new Inspection(Inspection.Kind.LIST, pages, null, notes);
    }

    private static String eventNote(JsonNode event) {
        JsonNode entity = event.get("entity");
        String type = entity.path("type").asText();
        String id = entity.get("id").asText();
        StringBuilder sb = new StringBuilder("webhook event ").append(event.get("type").asText())
                .append(" carries no property values, only ids; fetch the ").append(type).append(" with GET ")
                .append(FETCH_PATHS.getOrDefault(type, "/v1/" + type + "s/")).append(id);
        JsonNode changed = event.path("data").path("updated_properties");
        if (changed.isArray() && !changed.isEmpty()) {
            List<String> ids = new ArrayList<>();
            changed.forEach(c -> ids.add(c.isTextual() ? c.asText() : c.path("id").asText()));
            sb.append(" (changed property ids: ").append(String.join(", ", ids)).append(')');
        }
        return sb.toString();
    }

    private static String describe(JsonNode p) {
        if (p == null || !p.isObject()) {
            return "top level is " + (p == null ? "empty" : p.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        List<String> keys = new ArrayList<>();
        p.fieldNames().forEachRemaining(keys::add);
        String object = p.path("object").asText("");
        return (object.isEmpty() ? "" : "object: " + object + "; ") + "top-level keys: "
                + String.join(", ", keys.size() > 8 ? keys.subList(0, 8) : keys) + (keys.size() > 8 ? ", …" : "");
    }
}
