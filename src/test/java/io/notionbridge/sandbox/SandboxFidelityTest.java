package io.notionbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's responses have the same keys and JSON value types as real Notion payloads
 * ({@code shared/notion-fixtures}) of the same kind and version.
 */
class SandboxFidelityTest {

    static NotionSandbox sandbox;
    static SandboxClient v2025;
    static SandboxClient v2026;

    @BeforeAll
    static void start() {
        sandbox = NotionSandbox.start(SandboxOptions.builder().noRateLimit().build());
        v2025 = new SandboxClient(sandbox, "2025-09-03");
        v2026 = new SandboxClient(sandbox, "2026-03-11");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static void assertSameShape(JsonNode fixture, JsonNode actual) {
        List<String> diff = ShapeComparator.differences(fixture, actual);
        assertTrue(diff.isEmpty(), "shape differs from the real payload:\n" + String.join("\n", diff)
                + "\nsandbox answered: " + actual);
    }

    @Test
    void usersMe() {
        assertSameShape(Fixtures.read("users_me_bot.json"), v2025.get("/v1/users/me").body());
    }

    @Test
    void database() {
        assertSameShape(Fixtures.read("database_object_2025_09_03.json"),
                v2025.get("/v1/databases/" + DemoData.CRM_DATABASE_ID).body());
    }

    @Test
    void dataSource() {
        assertSameShape(Fixtures.read("data_source_object_2025_09_03.json"),
                v2025.get("/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID).body());
    }

    @Test
    void pageInADataSource() {
        JsonNode fixture = Fixtures.read("automation_webhook_send_webhook_action.json").path("body").path("data");
        String id = v2026.post("/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID + "/query",
                SandboxClient.json("{\"page_size\":1}")).body().path("results").path(0).path("id").asText();
        assertSameShape(fixture, v2026.get("/v1/pages/" + id).body());
    }

    @Test
    void searchList() {
        JsonNode actual = v2025.post("/v1/search", SandboxClient.json("{\"query\":\"Notion Bridge Demo\","
                + "\"filter\":{\"property\":\"object\",\"value\":\"page\"}}")).body();
        assertEquals(1, actual.path("results").size());
        assertSameShape(Fixtures.read("search_response_page_or_data_source.json"), actual);
    }

    @Test
    void queryList() {
        JsonNode fixturePage = Fixtures.read("automation_webhook_send_webhook_action.json").path("body").path("data");
        ObjectNode fixture = Fixtures.read("search_response_page_or_data_source.json").deepCopy();
        ObjectNode page = fixturePage.deepCopy();
        page.remove("request_id");
        fixture.putArray("results").add(page);
        JsonNode actual = v2026.post("/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID + "/query",
                SandboxClient.json("{\"page_size\":3}")).body();
        assertEquals(3, actual.path("results").size());
        assertSameShape(fixture, actual);
    }

    @Test
    void propertyItemList() {
        JsonNode actual = v2025.get("/v1/pages/" + DemoData.PROJECT_WITH_MANY_ACTIONS_ID + "/properties/title").body();
        assertSameShape(Fixtures.read("page_property_item_list_title.json"), actual);
    }

    @Test
    void errors() {
        assertSameShape(Fixtures.read("error_401_unauthorized.json"), v2025.withToken("nope").get("/v1/users/me").body());
        assertSameShape(Fixtures.read("error_400_invalid_request_url.json"), v2025.get("/v1/invalid").body());
        assertSameShape(Fixtures.read("error_404_object_not_found_additional_data.json"),
                v2025.get("/v1/pages/00000000-0000-0000-0000-000000000000").body());
        ObjectNode validationShape = Fixtures.read("error_400_validation_error.json").deepCopy();
        validationShape.put("request_id", "");
        assertSameShape(validationShape, v2025.post("/v1/pages", SandboxClient.json("{\"parent\":{}}")).body());
    }

    @Test
    void theComparisonNoticesDifferences() {
        JsonNode db = v2025.get("/v1/databases/" + DemoData.CRM_DATABASE_ID).body();
        assertTrue(!ShapeComparator.differences(Fixtures.read("users_me_bot.json"), db).isEmpty());
        JsonNode old = v2025.withVersion("2022-06-28").get("/v1/databases/" + DemoData.CRM_DATABASE_ID).body();
        List<String> diff = ShapeComparator.differences(Fixtures.read("database_object_2025_09_03.json"), old);
        assertTrue(diff.stream().anyMatch(d -> d.contains("data_sources")), diff.toString());
        ObjectNode page = v2026.get("/v1/pages/" + DemoData.PROJECT_WITH_MANY_ACTIONS_ID).body().deepCopy();
        ((ObjectNode) page.path("properties").path("Name").path("title").path(0)).remove("annotations");
        JsonNode fixture = Fixtures.read("automation_webhook_send_webhook_action.json").path("body").path("data");
        assertTrue(ShapeComparator.differences(fixture, page).stream().anyMatch(d -> d.contains("annotations")));
    }
}
