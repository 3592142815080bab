package io.notionbridge.notion.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.Fixtures;
import io.notionbridge.notion.NotionJson;
import org.junit.jupiter.api.Test;

class PayloadInspectorTest {

    @Test
    void a_page_prints_as_one_flat_object() {
        Inspection i = PayloadInspector.inspect(Fixtures.resource("page_every_property_type.json"));
        assertEquals(Inspection.Kind.PAGE, i.kind());
        assertEquals(Fixtures.resource("page_every_property_type.flat.json").get("id"), i.output().get("id"));
        assertEquals("VID-123", i.output().get("properties").get("Ticket").asText());
        assertTrue(i.notes().isEmpty());
    }

    @Test
    void an_automation_payload_without_capture_wrapper() {
        JsonNode body = Fixtures.json("automation_webhook_send_webhook_action.json").get("body");
        Inspection i = PayloadInspector.inspect(body);
        assertEquals(Inspection.Kind.AUTOMATION_WEBHOOK, i.kind());
        assertEquals("Go", i.output().get("properties").get("Go/NoGo").asText());
        assertTrue(i.notes().isEmpty());
        Inspection wrapped = PayloadInspector.inspect(Fixtures.json("automation_webhook_send_webhook_action.json"));
        assertEquals(List.of("read the body of a captured request (headers + body)"), wrapped.notes());
    }

    @Test
    void a_list_prints_an_array_of_its_pages_and_notes_what_it_skipped() {
        ObjectNode list = NotionJson.object().put("object", "list").put("has_more", true).put("next_cursor", "s:9");
        list.putArray("results").add(Fixtures.resource("page_every_property_type.json"))
                .add(Fixtures.json("data_source_object_2025_09_03.json"));
        Inspection i = PayloadInspector.inspect(list);
        assertEquals(Inspection.Kind.LIST, i.kind());
        assertTrue(i.output().isArray());
        assertEquals(1, i.output().size());
        assertEquals(List.of("skipped 1 data_source result(s): not pages",
                "the list has more results after this page (next_cursor s:9)"), i.notes());
        ObjectNode empty = NotionJson.object().put("object", "list");
        empty.putArray("results");
        assertEquals("[]", PayloadInspector.inspect(empty).output().toString());
    }

    @Test
    void a_webhook_event_says_it_has_no_values_and_what_to_fetch() {
        Inspection i = PayloadInspector.inspect(Fixtures.resource("webhook_page_properties_updated.json"));
        assertEquals(Inspection.Kind.WEBHOOK_EVENT, i.kind());
        assertNull(i.output());
        assertTrue(i.pages().isEmpty());
        assertEquals(List.of("webhook event page.properties_updated carries no property values, only ids; fetch the "
                + "page with GET /v1/pages/153104cd-477e-809d-8dc4-ff2d96ae3090 (changed property ids: XGe%40, "
                + "bDf%5B, DbAu)"), i.notes());
        Inspection handshake = PayloadInspector.inspect(Fixtures.parse("{\"verification_token\":\"secret_abc\"}"));
        assertFalse(handshake.notes().get(0).contains("secret_abc"), "the token is never printed");
    }

    @Test
    void other_shapes_are_refused_with_what_they_look_like() {
        IllegalArgumentException blocks = assertThrows(IllegalArgumentException.class,
                () -> PayloadInspector.inspect(Fixtures.json("block_children_list_has_more.json")));
        assertEquals("a list of {block=2} objects holds no pages", blocks.getMessage());
        IllegalArgumentException user = assertThrows(IllegalArgumentException.class,
                () -> PayloadInspector.inspect(Fixtures.json("users_me_bot.json")));
        assertTrue(user.getMessage().contains("object: user; top-level keys: object, id, name"), user.getMessage());
        IllegalArgumentException array = assertThrows(IllegalArgumentException.class,
                () -> PayloadInspector.inspect(Fixtures.parse("[1]")));
        assertTrue(array.getMessage().contains("top level is array"), array.getMessage());
    }
}
