package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.pagination.PageFetcher;
import org.junit.jupiter.api.Test;

/** Values cut at 25 references are read in full from the property item endpoint, in the page object's shape. */
class ReferenceCompleterTest {

    private static ObjectNode page() {
        ObjectNode page = NotionJson.object().put("object", "page").put("id", "p1");
        ObjectNode props = page.putObject("properties");
        ObjectNode rel = props.putObject("Actions").put("id", "wI%3F9").put("type", "relation");
        ArrayNode r = rel.putArray("relation");
        for (int i = 0; i < 25; i++) {
            r.addObject().put("id", "a" + i);
        }
        rel.put("has_more", true);
        ObjectNode small = props.putObject("Program").put("id", "prog").put("type", "relation");
        small.putArray("relation").addObject().put("id", "x");
        small.put("has_more", false);
        ObjectNode people = props.putObject("Team").put("id", "team").put("type", "people");
        for (int i = 0; i < 25; i++) {
            people.withArray("people").addObject().put("object", "user").put("id", "u" + i);
        }
        props.putObject("Name").put("id", "title").put("type", "title").putArray("title").addObject().put("type", "text");
        return page;
    }

    /** The property item endpoint: {@code total} items of {@code type}, 100 per page. */
    private static JsonNode items(NotionRequest r, String type, int total) {
        String cursor = r.query().containsKey("start_cursor") ? r.query().get("start_cursor").get(0) : "0";
        int from = Integer.parseInt(cursor);
        int to = Math.min(total, from + 100);
        ObjectNode list = NotionJson.object().put("object", "list");
        ArrayNode results = list.putArray("results");
        for (int i = from; i < to; i++) {
            ObjectNode item = results.addObject().put("object", "property_item").put("id", "pid").put("type", type);
            if (type.equals("relation")) {
                item.putObject("relation").put("id", "a" + i);
            } else {
                item.putObject("people").put("object", "user").put("id", "u" + i).put("name", "User " + i);
            }
        }
        list.put("has_more", to < total);
        list.put("next_cursor", to < total ? String.valueOf(to) : null);
        list.put("type", "property_item");
        list.putObject("property_item").put("id", "pid").put("type", type).putObject(type);
        return list;
    }

    @Test
    void truncatedRelationsAndPeopleAreCompleted() {
        List<String> asked = new ArrayList<>();
        PageFetcher fetcher = r -> {
            asked.add(r.uri());
            return r.path().endsWith("/wI%3F9") ? items(r, "relation", 130) : items(r, "people", 27);
        };

        ReferenceCompleter.Result result = new ReferenceCompleter(true).complete(page(), fetcher);

        assertThat(result.values()).isEqualTo(2);
        assertThat(result.truncated()).isEqualTo(2);
        JsonNode actions = result.completed().get("Actions");
        assertThat(actions.path("id").asText()).isEqualTo("wI%3F9");
        assertThat(actions.path("type").asText()).isEqualTo("relation");
        assertThat(actions.path("relation")).hasSize(130);
        assertThat(actions.path("relation").get(129).path("id").asText()).isEqualTo("a129");
        assertThat(actions.path("has_more").asBoolean()).isFalse();
        assertThat(result.completed().get("Team").path("people")).hasSize(27);
        assertThat(result.completed().get("Team").path("people").get(26).path("name").asText()).isEqualTo("User 26");
        assertThat(result.completed().has("Program")).as("complete values are not repeated").isFalse();
        assertThat(asked).containsExactly("/v1/pages/p1/properties/wI%3F9?page_size=100",
                "/v1/pages/p1/properties/wI%3F9?page_size=100&start_cursor=100",
                "/v1/pages/p1/properties/team?page_size=100");
    }

    @Test
    void whenOffTruncatedValuesAreOnlyCounted() {
        ReferenceCompleter.Result result = new ReferenceCompleter(false).complete(page(), r -> {
            throw new AssertionError("no request when completion is off");
        });
        assertThat(result.completed()).isNull();
        assertThat(result.values()).isZero();
        assertThat(result.truncated()).isEqualTo(2);
    }

    @Test
    void textWithTwentyFiveMentionsMayBeCut() {
        ObjectNode text = NotionJson.object().put("type", "rich_text");
        for (int i = 0; i < 25; i++) {
            text.withArray("rich_text").addObject().put("type", "mention");
        }
        assertThat(ReferenceCompleter.mayBeTruncated(text)).isTrue();
        ((ArrayNode) text.get("rich_text")).remove(0);
        assertThat(ReferenceCompleter.mayBeTruncated(text)).isFalse();
    }
}
