package io.notionbridge.notion.inspect;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.property.PageView;

/**
 * What {@link PayloadInspector} found in a payload.
 *
 * @param kind  the payload's shape
 * @param pages the pages read from it (empty for a webhook event)
 * @param value for {@link Kind#PROPERTY_ITEM}, the property item value as flat JSON; otherwise null
 * @param notes remarks for the reader (skipped results, unwrapped captures, what to fetch for an event)
 */
public record Inspection(Kind kind, List<PageView> pages, JsonNode value, List<String> notes) {

    /** The payload shapes the inspector recognises. */
    public enum Kind { PAGE, LIST, AUTOMATION_WEBHOOK, WEBHOOK_EVENT, PROPERTY_ITEM }

    public Inspection {
        pages = List.copyOf(pages);
        notes = List.copyOf(notes);
    }

    /**
     * The flat JSON to show: {@code {"id","properties"}} for a single page, an array of those for a list, the
     * property item value, or null for a webhook event (it holds no values; see {@link #notes()}).
     */
    public JsonNode output() {
        return switch (kind) {
            case PAGE, AUTOMATION_WEBHOOK -> pages.get(0).toFlatJson();
            case LIST -> {
                ArrayNode a = NotionJson.array();
                pages.forEach(p -> a.add(p.toFlatJson()));
                yield a;
            }
            case PROPERTY_ITEM -> value;
            case WEBHOOK_EVENT -> null;
        };
    }
}
