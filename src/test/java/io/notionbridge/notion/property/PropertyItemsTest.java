package io.notionbridge.notion.property;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.Fixtures;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.pagination.PageFetcher;
import org.junit.jupiter.api.Test;

class PropertyItemsTest {

    private static ObjectNode itemList(String type, List<JsonNode> items, String next) {
        ObjectNode l = NotionJson.object().put("object", "list");
        items.forEach(l.putArray("results")::add);
        l.put("next_cursor", next).put("has_more", next != null).put("type", "property_item");
        l.putObject("property_item").put("id", "rl").put("type", type).putObject(type);
        return l;
    }

    private static JsonNode relationItem(String id) {
        ObjectNode i = NotionJson.object().put("object", "property_item").put("id", "rl").put("type", "relation");
        i.putObject("relation").put("id", id);
        return i;
    }

    @Test
    void a_relation_past_25_is_collected_across_pages_through_the_fetcher() {
        List<NotionRequest> asked = new ArrayList<>();
        PageFetcher fetcher = r -> {
            asked.add(r);
            boolean second = r.query().containsKey("start_cursor");
            List<JsonNode> items = new ArrayList<>();
            for (int i = second ? 100 : 0; i < (second ? 130 : 100); i++) {
                items.add(relationItem("page-" + i));
            }
            return itemList("relation", items, second ? null : "c100");
        };
        RelationValue all = (RelationValue) PropertyItems.fetch("p1", "rl", fetcher);
        assertEquals(130, all.ids().size());
        assertEquals("page-129", all.ids().get(129));
        assertEquals(false, all.hasMore());
        assertEquals(2, asked.size(), "the first page is fetched once");
        assertEquals("/v1/pages/p1/properties/rl?page_size=100", asked.get(0).uri());
        assertEquals("/v1/pages/p1/properties/rl?page_size=100&start_cursor=c100", asked.get(1).uri());
    }

    @Test
    void simple_types_come_back_as_one_item() {
        PageFetcher number = r -> Fixtures.parse(
                "{\"object\":\"property_item\",\"id\":\"n\",\"type\":\"number\",\"number\":2.5}");
        assertEquals(new BigDecimal("2.5"), PropertyItems.fetch("p1", "n", number));
    }

    @Test
    void one_page_of_a_list_reports_has_more_and_rollups_use_the_property_item() {
        RelationValue partial = (RelationValue) PropertyItems.read(itemList("relation",
                List.of(relationItem("a")), "next"));
        assertEquals(new RelationValue(List.of("a"), true), partial);

        ObjectNode rollup = itemList("rollup", List.of(), null);
        ((ObjectNode) rollup.get("property_item")).putObject("rollup").put("type", "number").put("number", 9)
                .put("function", "sum");
        assertEquals(0, new BigDecimal(9).compareTo((BigDecimal) PropertyItems.read(rollup)));

        ObjectNode people = itemList("people", List.of(Fixtures.parse(
                "{\"object\":\"property_item\",\"type\":\"people\",\"people\":{\"object\":\"user\",\"id\":\"u1\","
                        + "\"name\":\"Ada\"}}")), null);
        assertEquals(List.of(new UserRef("u1", "Ada", null)), PropertyItems.read(people));
        assertEquals("", PropertyItems.read(itemList("rich_text", List.of(), null)));
    }
}
