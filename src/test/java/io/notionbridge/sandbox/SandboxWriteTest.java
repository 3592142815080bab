package io.notionbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.sandbox.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Page writes over HTTP: schema validation, size limits, trash per version, the clock and minute rounding. */
class SandboxWriteTest {

    static NotionSandbox sandbox;
    static SandboxClient api;

    @BeforeAll
    static void start() {
        sandbox = NotionSandbox.start(SandboxOptions.builder().noRateLimit().build());
        api = new SandboxClient(sandbox, "2026-03-11");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static JsonNode crmPage(String name, String extraProperties) {
        return SandboxClient.json("{\"parent\":{\"data_source_id\":\"" + DemoData.CRM_DATA_SOURCE_ID + "\"},"
                + "\"properties\":{\"Name\":{\"title\":[{\"text\":{\"content\":\"" + name + "\"}}]}"
                + (extraProperties.isEmpty() ? "" : "," + extraProperties) + "}}");
    }

    @Test
    void createThenReadBack() {
        SandboxClient.Response r = api.post("/v1/pages", crmPage("Zeta Labs",
                "\"Canonical Key\":{\"rich_text\":[{\"text\":{\"content\":\"domain:zeta.dev\"}}]},"
                        + "\"Status\":{\"status\":{\"name\":\"Tracking\"}},\"Confidence\":{\"number\":0.7},"
                        + "\"Signal Types\":{\"multi_select\":[{\"name\":\"funding_post\"}]},"
                        + "\"Website\":{\"url\":\"https://zeta.dev\"}"));
        assertEquals(200, r.status(), r.raw().body());
        JsonNode page = api.get("/v1/pages/" + r.body().path("id").asText()).body();
        assertEquals("Zeta Labs", page.path("properties").path("Name").path("title").path(0).path("plain_text").asText());
        assertEquals("Tracking", page.path("properties").path("Status").path("status").path("name").asText());
        assertEquals(0.7, page.path("properties").path("Confidence").path("number").asDouble());
        assertEquals(sandbox.store().identity().botId(), page.path("created_by").path("id").asText());
    }

    @Test
    void unknownPropertyIsAValidationError() {
        SandboxClient.Response r = api.post("/v1/pages", crmPage("X", "\"Colour\":{\"rich_text\":[]}"));
        assertEquals(400, r.status());
        assertEquals("validation_error", r.body().path("code").asText());
        assertEquals("Colour is not a property that exists.", r.body().path("message").asText());
    }

    @Test
    void wrongTypeIsAValidationError() {
        SandboxClient.Response r = api.post("/v1/pages", crmPage("X", "\"Confidence\":{\"rich_text\":[]}"));
        assertEquals(400, r.status());
        assertEquals("Confidence is expected to be number.", r.body().path("message").asText());
    }

    @Test
    void unknownStatusOptionIsRefusedButUnknownSelectIsAdded() {
        SandboxClient.Response bad = api.post("/v1/pages", crmPage("X", "\"Status\":{\"status\":{\"name\":\"Dreaming\"}}"));
        assertEquals(400, bad.status());
        assertEquals("Invalid status option. Status option \"Dreaming\" does not exist", bad.body().path("message").asText());
        SandboxClient.Response ok = api.post("/v1/pages", crmPage("X", "\"Stage\":{\"select\":{\"name\":\"Closing\"}}"));
        assertEquals(200, ok.status());
        JsonNode options = api.get("/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID).body()
                .path("properties").path("Stage").path("select").path("options");
        boolean found = false;
        for (JsonNode o : options) {
            found |= o.path("name").asText().equals("Closing");
        }
        assertTrue(found, "the new select option is in the schema");
    }

    @Test
    void formulaIsReadOnly() {
        SandboxClient.Response r = api.post("/v1/pages", SandboxClient.json("{\"parent\":{\"data_source_id\":\""
                + DemoData.VIDEO_TASKS_DATA_SOURCE_ID + "\"},\"properties\":{\"Title\":{\"title\":[{\"text\":{\"content\":"
                + "\"x\"}}]},\"Duration\":{\"formula\":{\"string\":\"1:00\"}}}}"));
        assertEquals(400, r.status());
        assertEquals("validation_error", r.body().path("code").asText());
        assertTrue(r.body().path("message").asText().contains("Duration"));
    }

    @Test
    void newVideoTaskGetsTheNextTaskId() {
        JsonNode r = api.post("/v1/pages", SandboxClient.json("{\"parent\":{\"data_source_id\":\""
                + DemoData.VIDEO_TASKS_DATA_SOURCE_ID + "\"},\"properties\":{\"Title\":{\"title\":[{\"text\":{\"content\":"
                + "\"New task\"}}]},\"Status\":{\"status\":{\"name\":\"Draft\"}}}}")).body();
        JsonNode id = r.path("properties").path("Task ID").path("unique_id");
        assertEquals("VT", id.path("prefix").asText());
        assertEquals(16, id.path("number").asInt());
    }

    @Test
    void textOver2000CharactersIsRefused() {
        String longText = "a".repeat(2001);
        SandboxClient.Response r = api.post("/v1/pages", crmPage("X",
                "\"Why Now\":{\"rich_text\":[{\"text\":{\"content\":\"" + longText + "\"}}]}"));
        assertEquals(400, r.status());
        assertEquals("body failed validation: body.properties.Why Now.rich_text[0].text.content.length should be ≤ 2000, "
                + "instead was 2001.", r.body().path("message").asText());
    }

    @Test
    void bodyOver500KbIsRefused() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"text\":{\"content\":\"").append("b".repeat(1990)).append("\"}}");
        }
        String props = "\"Description\":{\"rich_text\":[" + sb + "]},\"Founder\":{\"rich_text\":[" + sb + "]},"
                + "\"Location\":{\"rich_text\":[" + sb + "]}";
        SandboxClient.Response r = api.post("/v1/pages", crmPage("X", props));
        assertEquals(400, r.status());
        assertEquals("validation_error", r.body().path("code").asText());
        assertTrue(r.body().path("message").asText().contains("500KB"), r.body().path("message").asText());
    }

    @Test
    void invalidJsonIsRefused() {
        SandboxClient.Response r = api.post("/v1/pages", "{not json");
        assertEquals(400, r.status());
        assertEquals("invalid_json", r.body().path("code").asText());
    }

    @Test
    void archivedIsRefusedIn2026ButAcceptedBefore() {
        String id = api.post("/v1/pages", crmPage("Trash me", "")).body().path("id").asText();
        SandboxClient.Response refused = api.patch("/v1/pages/" + id, SandboxClient.json("{\"archived\":true}"));
        assertEquals(400, refused.status());
        assertEquals("validation_error", refused.body().path("code").asText());
        JsonNode old = api.withVersion("2025-09-03").patch("/v1/pages/" + id, SandboxClient.json("{\"archived\":true}"))
                .body();
        assertTrue(old.path("archived").asBoolean());
        assertTrue(old.path("in_trash").asBoolean());
        SandboxClient.Response edit = api.patch("/v1/pages/" + id, SandboxClient.json(
                "{\"properties\":{\"Confidence\":{\"number\":1}}}"));
        assertEquals(400, edit.status(), "a trashed page cannot be edited");
        JsonNode back = api.patch("/v1/pages/" + id, SandboxClient.json("{\"in_trash\":false}")).body();
        assertFalse(back.path("in_trash").asBoolean());
        assertFalse(back.has("archived"));
    }

    @Test
    void timestampsComeFromTheClockRoundedDownToTheMinute() {
        sandbox.clock().freezeAt(Instant.parse("2026-07-04T09:09:41.123Z"));
        try {
            JsonNode created = api.post("/v1/pages", crmPage("Clocked", "")).body();
            assertEquals("2026-07-04T09:09:00.000Z", created.path("created_time").asText());
            String id = created.path("id").asText();
            sandbox.clock().advance(Duration.ofSeconds(15));
            JsonNode edited = api.patch("/v1/pages/" + id, SandboxClient.json(
                    "{\"properties\":{\"Confidence\":{\"number\":0.5}}}")).body();
            assertEquals("2026-07-04T09:09:00.000Z", edited.path("last_edited_time").asText(),
                    "an edit within the same minute keeps last_edited_time");
            sandbox.clock().advance(Duration.ofMinutes(2));
            JsonNode later = api.patch("/v1/pages/" + id, SandboxClient.json(
                    "{\"properties\":{\"Confidence\":{\"number\":0.6}}}")).body();
            assertEquals("2026-07-04T09:11:00.000Z", later.path("last_edited_time").asText());
        } finally {
            sandbox.clock().reset();
        }
    }

    @Test
    void databaseCreateUsesTheVersionsShape() {
        String body2025 = "{\"parent\":{\"page_id\":\"" + DemoData.ROOT_PAGE_ID + "\"},\"title\":[{\"text\":{\"content\":"
                + "\"Tasks\"}}],\"initial_data_source\":{\"properties\":{\"Name\":{\"title\":{}},\"Done\":{\"checkbox\":{}}}}}";
        JsonNode db = api.withVersion("2025-09-03").post("/v1/databases", SandboxClient.json(body2025)).body();
        assertEquals("database", db.path("object").asText());
        String dsId = db.path("data_sources").path(0).path("id").asText();
        assertFalse(dsId.equals(db.path("id").asText()));
        JsonNode ds = api.get("/v1/data_sources/" + dsId).body();
        assertEquals("checkbox", ds.path("properties").path("Done").path("type").asText());
        String body2022 = "{\"parent\":{\"page_id\":\"" + DemoData.ROOT_PAGE_ID + "\"},\"title\":[{\"text\":{\"content\":"
                + "\"Old\"}}],\"properties\":{\"Name\":{\"title\":{}}}}";
        JsonNode old = api.withVersion("2022-06-28").post("/v1/databases", SandboxClient.json(body2022)).body();
        assertEquals("title", old.path("properties").path("Name").path("type").asText());
        assertEquals(400, api.withVersion("2025-09-03").post("/v1/databases", SandboxClient.json(body2022)).status());
    }
}
