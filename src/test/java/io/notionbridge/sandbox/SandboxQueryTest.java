package io.notionbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.model.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries over HTTP: filters, sorts, cursors to the end, page_size, the 10,000-result cap, property items. */
class SandboxQueryTest {

    static NotionSandbox sandbox;
    static SandboxClient api;
    static String bigDataSource;

    @BeforeAll
    static void start() {
        sandbox = NotionSandbox.start(SandboxOptions.builder().noRateLimit().build());
        api = new SandboxClient(sandbox, "2025-09-03");
        String body = "{\"parent\":{\"page_id\":\"" + DemoData.ROOT_PAGE_ID + "\"},\"title\":\"Big\","
                + "\"initial_data_source\":{\"properties\":{\"Name\":{\"title\":{}},\"N\":{\"number\":{}}}}}";
        JsonNode db = api.post("/v1/databases", SandboxClient.json(body)).body();
        bigDataSource = db.path("data_sources").path(0).path("id").asText();
        sandbox.seedPages(bigDataSource, 10_050, i -> {
            ObjectNode p = Json.object();
            p.putObject("N").put("number", i);
            return p;
        });
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private JsonNode query(String dataSourceId, String body) {
        SandboxClient.Response r = api.post("/v1/data_sources/" + dataSourceId + "/query", SandboxClient.json(body));
        assertEquals(200, r.status(), r.raw().body());
        return r.body();
    }

    @Test
    void paginatesToTheEndWithOpaqueCursors() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode r = query(DemoData.CRM_DATA_SOURCE_ID, "{\"page_size\":7" + (cursor == null ? "" : ",\"start_cursor\":\""
                    + cursor + "\"") + "}");
            r.path("results").forEach(p -> assertTrue(seen.add(p.path("id").asText()), "no page twice"));
            cursor = r.path("next_cursor").textValue();
            assertEquals(cursor != null, r.path("has_more").asBoolean());
            if (cursor != null) {
                assertFalse(cursor.matches("[0-9a-f-]{36}"), "cursors are not UUIDs");
            }
            pages++;
        } while (cursor != null);
        assertEquals(29, seen.size(), "30 demo companies, one in the trash");
        assertEquals(5, pages);
    }

    @Test
    void pageSizeOver100IsRefused() {
        SandboxClient.Response r = api.post("/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID + "/query",
                SandboxClient.json("{\"page_size\":101}"));
        assertEquals(400, r.status());
        assertEquals("validation_error", r.body().path("code").asText());
    }

    @Test
    void foreignCursorIsRefused() {
        String cursor = query(DemoData.CRM_DATA_SOURCE_ID, "{\"page_size\":2}").path("next_cursor").asText();
        SandboxClient.Response r = api.post("/v1/data_sources/" + DemoData.ACTIONS_DATA_SOURCE_ID + "/query",
                SandboxClient.json("{\"start_cursor\":\"" + cursor + "\"}"));
        assertEquals(400, r.status());
    }

    @Test
    void compoundFilterAndSort() {
        JsonNode r = query(DemoData.VIDEO_TASKS_DATA_SOURCE_ID, "{\"filter\":{\"and\":[{\"property\":\"Channel\","
                + "\"select\":{\"equals\":\"money-minute\"}},{\"or\":[{\"property\":\"Priority\",\"select\":{\"equals\":"
                + "\"High\"}},{\"property\":\"Status\",\"status\":{\"equals\":\"Published\"}}]}]},"
                + "\"sorts\":[{\"property\":\"Title\",\"direction\":\"descending\"}]}");
        List<String> titles = new java.util.ArrayList<>();
        r.path("results").forEach(p -> titles.add(p.path("properties").path("Title").path("title").path(0)
                .path("plain_text").asText()));
        assertEquals(List.of("What is an index fund", "Inflation vs your savings"), titles);
    }

    @Test
    void threeLevelsOfNestingAreRefused() {
        SandboxClient.Response r = api.post("/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID + "/query",
                SandboxClient.json("{\"filter\":{\"and\":[{\"or\":[{\"and\":[{\"property\":\"Name\",\"title\":"
                        + "{\"is_not_empty\":true}}]}]}]}}"));
        assertEquals(400, r.status());
        assertEquals("validation_error", r.body().path("code").asText());
    }

    @Test
    void relationFilterFindsTheProjectsActions() {
        JsonNode r = query(DemoData.ACTIONS_DATA_SOURCE_ID, "{\"filter\":{\"property\":\"Project\",\"relation\":"
                + "{\"contains\":\"" + DemoData.PROJECT_WITH_MANY_ACTIONS_ID + "\"}}}");
        assertEquals(40, r.path("results").size());
    }

    @Test
    void queryCapsAt10000WithRequestStatus() {
        String cursor = null;
        int total = 0;
        JsonNode last;
        do {
            last = query(bigDataSource, "{\"page_size\":100,\"sorts\":[{\"property\":\"N\",\"direction\":\"ascending\"}]"
                    + (cursor == null ? "" : ",\"start_cursor\":\"" + cursor + "\"") + "}");
            total += last.path("results").size();
            cursor = last.path("next_cursor").textValue();
            if (cursor != null) {
                assertFalse(last.has("request_status"));
            }
        } while (cursor != null);
        assertEquals(10_000, total);
        assertFalse(last.path("has_more").asBoolean());
        assertNull(last.path("next_cursor").textValue());
        assertEquals("incomplete", last.path("request_status").path("type").asText());
        assertEquals("query_result_limit_reached", last.path("request_status").path("incomplete_reason").asText());
        assertEquals(9999, last.path("results").path(99).path("properties").path("N").path("number").asInt());
    }

    @Test
    void smallFilteredQueryOverTheBigSourceIsComplete() {
        JsonNode r = query(bigDataSource, "{\"filter\":{\"property\":\"N\",\"number\":{\"greater_than_or_equal_to\":10000}}}");
        assertEquals(50, r.path("results").size());
        assertFalse(r.has("request_status"));
    }

    @Test
    void pageObjectShowsAt25RelationsAndThePropertyItemEndpointAll() {
        JsonNode page = api.get("/v1/pages/" + DemoData.PROJECT_WITH_MANY_ACTIONS_ID).body();
        JsonNode actions = page.path("properties").path("Actions");
        assertEquals(25, actions.path("relation").size());
        assertTrue(actions.path("has_more").asBoolean());
        String propertyId = actions.path("id").asText();
        Set<String> all = new HashSet<>();
        String cursor = null;
        do {
            JsonNode r = api.get("/v1/pages/" + DemoData.PROJECT_WITH_MANY_ACTIONS_ID + "/properties/" + propertyId
                    + "?page_size=15" + (cursor == null ? "" : "&start_cursor=" + cursor)).body();
            assertEquals("property_item", r.path("type").asText());
            assertEquals("relation", r.path("property_item").path("type").asText());
            r.path("results").forEach(i -> all.add(i.path("relation").path("id").asText()));
            cursor = r.path("next_cursor").textValue();
        } while (cursor != null);
        assertEquals(40, all.size());
    }

    @Test
    void simplePropertyItemIsOneItem() {
        JsonNode page = api.get("/v1/pages/" + DemoData.PROJECT_WITH_MANY_ACTIONS_ID).body();
        String statusId = page.path("properties").path("Status").path("id").asText();
        JsonNode r = api.get("/v1/pages/" + DemoData.PROJECT_WITH_MANY_ACTIONS_ID + "/properties/" + statusId).body();
        assertEquals("property_item", r.path("object").asText());
        assertEquals("status", r.path("type").asText());
        assertEquals("Not started", r.path("status").path("name").asText());
    }

    @Test
    void filterPropertiesTrimsTheProperties() {
        SandboxClient.Response r = api.post("/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID
                + "/query?filter_properties=title&filter_properties=Status", SandboxClient.json("{\"page_size\":1}"));
        JsonNode props = r.body().path("results").path(0).path("properties");
        assertEquals(2, props.size());
        assertTrue(props.has("Name") && props.has("Status"));
    }
}
