package io.notionbridge.notion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.error.NotionApiException;
import io.notionbridge.notion.error.NotionErrors;
import io.notionbridge.notion.inspect.Inspection;
import io.notionbridge.notion.inspect.PayloadInspector;
import io.notionbridge.notion.pagination.Paginator;
import io.notionbridge.notion.property.PageReader;
import io.notionbridge.notion.property.PageView;
import io.notionbridge.notion.property.PropertyItems;
import io.notionbridge.notion.property.PropertyReader;
import io.notionbridge.notion.property.UserRef;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded payload in {@code shared/notion-fixtures} goes through the reader that fits its kind: error bodies
 * through {@link NotionErrors}, pages (bare, in lists, in webhooks) through {@link PageReader}, property item lists
 * through {@link PropertyItems}, lists through the {@link Paginator}, and the text and timestamps of other objects
 * through {@link PropertyReader}. A fixture file this test does not know fails it, so new fixtures get a check.
 */
class FixturesTest {

    private static final Map<String, Consumer<JsonNode>> CHECKS = Map.ofEntries(
            Map.entry("automation_webhook_send_webhook_action.json", FixturesTest::automationWebhook),
            Map.entry("block_children_list_has_more.json", FixturesTest::blockChildren),
            Map.entry("data_source_object_2025_09_03.json", FixturesTest::dataSource),
            Map.entry("database_object_2025_09_03.json", FixturesTest::database),
            Map.entry("error_400_invalid_request_url.json", FixturesTest::error),
            Map.entry("error_400_validation_error.json", FixturesTest::error),
            Map.entry("error_401_unauthorized.json", FixturesTest::error),
            Map.entry("error_404_object_not_found_additional_data.json", FixturesTest::error),
            Map.entry("page_property_item_list_title.json", FixturesTest::propertyItemList),
            Map.entry("search_response_page_or_data_source.json", FixturesTest::searchResponse),
            Map.entry("users_me_bot.json", FixturesTest::botUser));

    @TestFactory
    List<DynamicTest> every_fixture_goes_through_its_reader() {
        List<String> names = Fixtures.names();
        assertFalse(names.isEmpty(), "no fixtures in " + Fixtures.dir());
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : names) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Consumer<JsonNode> check = CHECKS.get(name);
                if (check == null) {
                    fail("fixture " + name + " has no reader check; add one to FixturesTest.CHECKS");
                }
                check.accept(Fixtures.json(name));
            }));
        }
        return tests;
    }

    @Test
    void every_known_fixture_is_still_there() {
        assertTrue(Fixtures.names().containsAll(CHECKS.keySet()), "missing: " + CHECKS.keySet());
    }

    private static void error(JsonNode body) {
        NotionApiException e = NotionErrors.fromResponse(body.get("status").asInt(), Map.of(), body.toString());
        assertTrue(e.getClass() != NotionApiException.class);
        assertEquals(body.get("code").asText(), e.code());
        assertEquals(body.get("message").asText(), e.notionMessage());
        assertEquals(body.path("request_id").asText(null), e.requestId());
    }

    private static void automationWebhook(JsonNode capture) {
        Inspection i = PayloadInspector.inspect(capture);
        assertEquals(Inspection.Kind.AUTOMATION_WEBHOOK, i.kind());
        PageView page = PageReader.read(capture.get("body").get("data"));
        assertEquals(page, i.pages().get(0));
        assertEquals("36100975-e919-81bb-a013-e800f1c31aa7", page.id());
        assertEquals("36100975-e919-815a-b6ae-000b00e9b9ac", page.parent().dataSourceId());
        assertEquals("36100975-e919-81c8-9d72-d7ee85ed47c2", page.parent().databaseId());
        assertEquals(Instant.parse("2026-05-15T09:27:00Z"), page.lastEditedTime());
        assertEquals("Go", page.property("Go/NoGo"));
        assertEquals("Go", page.propertyById("J%7C%3F%7C"));
        assertEquals("✓ Helix wrote this back via PatchRichTextProperty", page.property("Result"));
        assertEquals("Test row for verifying the Helix → Notion webhook flow", page.property("Prompt"));
        assertEquals("Investigate Notion integration", page.property("Name"));
    }

    private static void blockChildren(JsonNode list) {
        List<String> cursors = new ArrayList<>();
        ObjectNode last = NotionJson.object().put("object", "list").put("has_more", false).putNull("next_cursor");
        last.putArray("results");
        List<JsonNode> blocks = Paginator.of(NotionRequest.get("/v1/blocks/393abc1e-edcd-814b-aee5-cf69471e5a43/children"),
                r -> {
                    List<String> c = r.query().get("start_cursor");
                    cursors.add(c == null ? null : c.get(0));
                    return c == null ? list : last;
                }).fetchAll();
        assertEquals(2, blocks.size());
        assertEquals("393abc1e-edcd-817b-900d-c75ec8d2f272", cursors.get(1), "UUID cursor passed on as is");
        for (int i = 0; i < blocks.size(); i++) {
            ObjectNode text = NotionJson.object().put("type", "rich_text");
            text.set("rich_text", blocks.get(i).get("paragraph").get("rich_text"));
            assertEquals("paragraph " + i, PropertyReader.read(text));
        }
    }

    private static void dataSource(JsonNode ds) {
        assertEquals("Test Data Source - 2026-07-04 11:09:14.284382", title(ds.get("title")));
        assertEquals(Instant.parse("2026-07-04T09:09:00Z"), created(ds));
        assertEquals("title", ds.get("properties").get("Name").get("type").asText());
    }

    private static void database(JsonNode db) {
        assertEquals("Test Database - 2026-07-04 11:09:12.562599", title(db.get("title")));
        assertEquals(Instant.parse("2026-07-04T09:09:12.949Z"), created(db), "the +00:00 form with milliseconds");
    }

    private static void propertyItemList(JsonNode list) {
        assertEquals("Test 2026-07-04 11:08:21.300571", PropertyItems.read(list));
        Inspection i = PayloadInspector.inspect(list);
        assertEquals(Inspection.Kind.PROPERTY_ITEM, i.kind());
        assertEquals("Test 2026-07-04 11:08:21.300571", i.output().get("value").asText());
    }

    private static void searchResponse(JsonNode list) {
        List<JsonNode> results = Paginator.of(NotionRequest.search(null), r -> list).fetchAll();
        assertEquals(1, results.size());
        PageView page = PageReader.read(results.get(0));
        assertEquals("", page.property("title"));
        assertEquals("workspace", page.parent().type());
        assertFalse(page.inTrash());
        assertEquals(Instant.parse("2026-07-04T08:48:00Z"), page.createdTime());
        assertEquals(Inspection.Kind.LIST, PayloadInspector.inspect(list).kind());
    }

    private static void botUser(JsonNode user) {
        ObjectNode people = NotionJson.object().put("type", "people");
        people.putArray("people").add(user);
        assertEquals(List.of(new UserRef("7775f3a3-893f-43fa-b625-460c61094c78", "notion-sdk-py", null)),
                PropertyReader.read(people));
    }

    private static String title(JsonNode richText) {
        ObjectNode value = NotionJson.object().put("type", "title");
        value.set("title", richText);
        return (String) PropertyReader.read(value);
    }

    private static Instant created(JsonNode object) {
        ObjectNode value = NotionJson.object().put("type", "created_time");
        value.set("created_time", object.get("created_time"));
        Object read = PropertyReader.read(value);
        assertNotNull(read);
        return assertInstanceOf(Instant.class, read);
    }
}
