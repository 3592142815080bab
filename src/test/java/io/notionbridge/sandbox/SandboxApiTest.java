package io.notionbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.sandbox.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Auth, versions, errors and the read endpoints over HTTP against a sandbox with demo data. */
class SandboxApiTest {

    static NotionSandbox sandbox;
    static SandboxClient v2025;

    @BeforeAll
    static void start() {
        sandbox = NotionSandbox.start(SandboxOptions.builder().noRateLimit().build());
        v2025 = new SandboxClient(sandbox, "2025-09-03");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void usersMeReturnsTheBot() {
        SandboxClient.Response r = v2025.get("/v1/users/me");
        assertEquals(200, r.status());
        assertEquals("bot", r.body().path("type").asText());
        assertEquals("workspace", r.body().path("bot").path("owner").path("type").asText());
        assertEquals(r.header("x-notion-request-id"), r.body().path("request_id").asText());
    }

    @Test
    void wrongTokenGets401WithNotionsBody() {
        SandboxClient.Response r = v2025.withToken("secret_wrong").get("/v1/users/me");
        assertEquals(401, r.status());
        assertEquals("error", r.body().path("object").asText());
        assertEquals(401, r.body().path("status").asInt());
        assertEquals("unauthorized", r.body().path("code").asText());
        assertEquals("API token is invalid.", r.body().path("message").asText());
        assertFalse(r.body().path("request_id").asText().isEmpty());
        assertEquals(r.body().path("request_id").asText(), r.header("x-notion-request-id"));
    }

    @Test
    void missingVersionIsRefused() {
        SandboxClient.Response r = v2025.withVersion(null).get("/v1/users/me");
        assertEquals(400, r.status());
        assertEquals("missing_version", r.body().path("code").asText());
    }

    @Test
    void unknownVersionIsAValidationError() {
        SandboxClient.Response r = v2025.withVersion("2021-05-13").get("/v1/users/me");
        assertEquals(400, r.status());
        assertEquals("validation_error", r.body().path("code").asText());
        assertTrue(r.body().path("message").asText().contains("2021-05-13"));
    }

    @Test
    void unknownPathIsInvalidRequestUrl() {
        SandboxClient.Response r = v2025.get("/v1/nope");
        assertEquals(400, r.status());
        assertEquals("invalid_request_url", r.body().path("code").asText());
        assertEquals("Invalid request URL.", r.body().path("message").asText());
    }

    @Test
    void unknownPageIs404WithIntegrationId() {
        SandboxClient.Response r = v2025.get("/v1/pages/00000000000000000000000000000000");
        assertEquals(404, r.status());
        assertEquals("object_not_found", r.body().path("code").asText());
        assertTrue(r.body().path("message").asText().startsWith(
                "Could not find page with ID: 00000000-0000-0000-0000-000000000000."));
        assertNotNull(r.body().path("additional_data").get("integration_id"));
    }

    @Test
    void databaseShapesFollowTheVersion() {
        JsonNode old = v2025.withVersion("2022-06-28").get("/v1/databases/" + DemoData.CRM_DATABASE_ID).body();
        assertTrue(old.has("properties"));
        assertFalse(old.has("data_sources"));
        assertTrue(old.has("archived"));
        JsonNode mid = v2025.get("/v1/databases/" + DemoData.CRM_DATABASE_ID).body();
        assertFalse(mid.has("properties"));
        assertEquals(DemoData.CRM_DATA_SOURCE_ID, mid.path("data_sources").path(0).path("id").asText());
        assertTrue(mid.has("archived") && mid.has("in_trash"));
        JsonNode latest = v2025.withVersion("2026-03-11").get("/v1/databases/" + DemoData.CRM_DATABASE_ID).body();
        assertFalse(latest.has("archived"));
        assertTrue(latest.has("in_trash"));
    }

    @Test
    void dataSourceCarriesTheSchema() {
        JsonNode ds = v2025.get("/v1/data_sources/" + DemoData.VIDEO_TASKS_DATA_SOURCE_ID.replace("-", "")).body();
        assertEquals("data_source", ds.path("object").asText());
        assertEquals(DemoData.VIDEO_TASKS_DATABASE_ID, ds.path("parent").path("database_id").asText());
        JsonNode status = ds.path("properties").path("Status").path("status");
        assertEquals(26, status.path("options").size());
        assertEquals(3, status.path("groups").size());
        Set<String> names = new HashSet<>();
        status.path("options").forEach(o -> names.add(o.path("name").asText()));
        assertEquals(new HashSet<>(DemoData.VIDEO_TASK_STATUSES), names);
        assertEquals("formula", ds.path("properties").path("Duration").path("type").asText());
        assertEquals("VT", ds.path("properties").path("Task ID").path("unique_id").path("prefix").asText());
    }

    @Test
    void pageShapesFollowTheVersion() {
        JsonNode list = v2025.post("/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID + "/query",
                SandboxClient.json("{\"page_size\":1}")).body();
        String id = list.path("results").path(0).path("id").asText();
        JsonNode old = v2025.withVersion("2022-06-28").get("/v1/pages/" + id).body();
        assertEquals("database_id", old.path("parent").path("type").asText());
        assertEquals(DemoData.CRM_DATABASE_ID, old.path("parent").path("database_id").asText());
        JsonNode mid = v2025.get("/v1/pages/" + id).body();
        assertEquals("data_source_id", mid.path("parent").path("type").asText());
        assertEquals(DemoData.CRM_DATA_SOURCE_ID, mid.path("parent").path("data_source_id").asText());
        assertEquals(DemoData.CRM_DATABASE_ID, mid.path("parent").path("database_id").asText());
        assertTrue(mid.has("archived"));
        JsonNode latest = v2025.withVersion("2026-03-11").get("/v1/pages/" + id).body();
        assertFalse(latest.has("archived"));
        assertTrue(latest.path("created_time").asText().endsWith(":00.000Z"));
    }

    @Test
    void oldQueryEndpointOnlyIn2022() {
        SandboxClient.Response old = v2025.withVersion("2022-06-28").post("/v1/databases/" + DemoData.CRM_DATABASE_ID
                + "/query", SandboxClient.json("{\"page_size\":5}"));
        assertEquals(200, old.status());
        assertEquals("page_or_database", old.body().path("type").asText());
        assertEquals(5, old.body().path("results").size());
        SandboxClient.Response mid = v2025.post("/v1/databases/" + DemoData.CRM_DATABASE_ID + "/query",
                SandboxClient.json("{}"));
        assertEquals(400, mid.status());
        assertEquals("invalid_request_url", mid.body().path("code").asText());
    }

    @Test
    void searchFindsPagesAndDataSources() {
        JsonNode r = v2025.post("/v1/search", SandboxClient.json("{\"query\":\"video tasks\"}")).body();
        assertEquals("page_or_data_source", r.path("type").asText());
        assertEquals("data_source", r.path("results").path(0).path("object").asText());
        JsonNode pages = v2025.post("/v1/search",
                SandboxClient.json("{\"query\":\"acme\",\"filter\":{\"property\":\"object\",\"value\":\"page\"}}")).body();
        assertEquals(1, pages.path("results").size());
        JsonNode old = v2025.withVersion("2022-06-28").post("/v1/search",
                SandboxClient.json("{\"filter\":{\"property\":\"object\",\"value\":\"database\"}}")).body();
        assertEquals("page_or_database", old.path("type").asText());
        assertEquals(7, old.path("results").size());
        old.path("results").forEach(d -> assertEquals("database", d.path("object").asText()));
        SandboxClient.Response bad = v2025.post("/v1/search",
                SandboxClient.json("{\"filter\":{\"property\":\"object\",\"value\":\"database\"}}"));
        assertEquals(400, bad.status());
    }

    @Test
    void trashedDemoPageIsLeftOutOfQueries() {
        JsonNode r = v2025.post("/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID + "/query",
                SandboxClient.json("{\"filter\":{\"property\":\"Name\",\"title\":{\"equals\":\"Defunct Widgets\"}}}")).body();
        assertEquals(0, r.path("results").size());
        JsonNode trashed = v2025.post("/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID + "/query",
                SandboxClient.json("{\"in_trash\":true}")).body();
        assertEquals(1, trashed.path("results").size());
        assertTrue(trashed.path("results").path(0).path("in_trash").asBoolean());
        assertNull(trashed.path("next_cursor").textValue());
    }
}
