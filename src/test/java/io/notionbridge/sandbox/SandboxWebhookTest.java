package io.notionbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.webhook.WebhookOptions;
import io.notionbridge.sandbox.webhook.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhook delivery to a local receiver: handshake, signatures, authors, retries, duplicates. */
class SandboxWebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOKEN = "secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl";

    NotionSandbox sandbox;
    WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private SandboxClient start(int failFirst) throws Exception {
        receiver = new WebhookReceiver(failFirst);
        sandbox = NotionSandbox.start(SandboxOptions.builder().noRateLimit()
                .webhook(WebhookOptions.of(receiver.url(), TOKEN).withRetries(8, Duration.ofMillis(20))).build());
        return new SandboxClient(sandbox, "2026-03-11");
    }

    private static JsonNode parse(WebhookReceiver.Received r) {
        return SandboxClient.json(r.body());
    }

    private static boolean ofType(WebhookReceiver.Received r, String type) {
        return r.body().contains("\"type\":\"" + type + "\"");
    }

    @Test
    void handshakeThenSignedEventsForApiWrites() throws Exception {
        SandboxClient api = start(0);
        WebhookReceiver.Received handshake = receiver.await(r -> r.body().contains("verification_token"), 1, WAIT).get(0);
        assertEquals(TOKEN, parse(handshake).path("verification_token").asText());
        assertEquals("sha256=461e8cbcba8a75c3edd866f0e71280f5a85cbf21eff040ebd10fe266df38a735", handshake.signature(),
                "the documented test vector");
        String id = api.post("/v1/pages", SandboxWriteTest.crmPage("Hooked", "")).body().path("id").asText();
        api.patch("/v1/pages/" + id, SandboxClient.json("{\"properties\":{\"Confidence\":{\"number\":0.9}}}"));
        api.patch("/v1/pages/" + id, SandboxClient.json("{\"in_trash\":true}"));
        api.patch("/v1/pages/" + id, SandboxClient.json("{\"in_trash\":false}"));
        for (String type : List.of("page.created", "page.properties_updated", "page.deleted", "page.undeleted")) {
            WebhookReceiver.Received r = receiver.await(x -> ofType(x, type), 1, WAIT).get(0);
            assertTrue(WebhookSigner.verify(TOKEN, r.body().getBytes(StandardCharsets.UTF_8), r.signature()), type);
            JsonNode e = parse(r);
            assertEquals(id, e.path("entity").path("id").asText());
            assertEquals("page", e.path("entity").path("type").asText());
            assertEquals("bot", e.path("authors").path(0).path("type").asText());
            assertEquals(sandbox.store().identity().botId(), e.path("authors").path(0).path("id").asText());
            assertEquals(1, e.path("attempt_number").asInt());
            assertEquals("database", e.path("data").path("parent").path("type").asText());
            assertEquals(DemoData.CRM_DATABASE_ID, e.path("data").path("parent").path("id").asText());
            assertEquals(DemoData.CRM_DATA_SOURCE_ID, e.path("data").path("parent").path("data_source_id").asText());
            assertTrue(!e.has("properties") && !e.path("data").has("properties"), "ids only");
        }
        JsonNode updated = parse(receiver.await(x -> ofType(x, "page.properties_updated"), 1, WAIT).get(0));
        String confidenceId = sandbox.store().dataSource(DemoData.CRM_DATA_SOURCE_ID).orElseThrow()
                .property("Confidence").orElseThrow().path("id").asText();
        assertEquals(confidenceId, updated.path("data").path("updated_properties").path(0).asText());
    }

    @Test
    void failedDeliveriesAreRetriedWithIncreasingAttemptNumbers() throws Exception {
        SandboxClient api = start(2);
        api.post("/v1/pages", SandboxWriteTest.crmPage("Retry me", ""));
        List<WebhookReceiver.Received> attempts = receiver.await(x -> ofType(x, "page.created"), 3, WAIT);
        assertEquals(List.of(1, 2, 3), attempts.stream().map(a -> parse(a).path("attempt_number").asInt()).toList());
        Set<String> ids = new HashSet<>();
        attempts.forEach(a -> ids.add(parse(a).path("id").asText()));
        assertEquals(1, ids.size(), "the same event id on every attempt");
        attempts.forEach(a -> assertTrue(WebhookSigner.verify(TOKEN, a.body().getBytes(StandardCharsets.UTF_8),
                a.signature())));
    }

    @Test
    void uiEditsArePersonAuthored() throws Exception {
        start(0);
        String taskId = sandbox.seedPages(DemoData.VIDEO_TASKS_DATA_SOURCE_ID, 1, null).get(0);
        SandboxClient admin = new SandboxClient(sandbox.baseUrl(), null, null);
        SandboxClient.Response r = admin.post("/_sandbox/ui/pages/" + taskId, SandboxClient.json("{\"user_id\":\""
                + DemoData.USER_MAYA_ID + "\",\"properties\":{\"Status\":{\"status\":{\"name\":\"Approved\"}}}}"));
        assertEquals(200, r.status(), r.raw().body());
        JsonNode e = parse(receiver.await(x -> ofType(x, "page.properties_updated"), 1, WAIT).get(0));
        assertEquals("person", e.path("authors").path(0).path("type").asText());
        assertEquals(DemoData.USER_MAYA_ID, e.path("authors").path(0).path("id").asText());
        JsonNode page = new SandboxClient(sandbox, "2026-03-11").get("/v1/pages/" + taskId).body();
        assertEquals(DemoData.USER_MAYA_ID, page.path("last_edited_by").path("id").asText());
        assertEquals("Approved", page.path("properties").path("Status").path("status").path("name").asText());
    }

    @Test
    void duplicatesCanBeSwitchedOn() throws Exception {
        receiver = new WebhookReceiver(0);
        sandbox = NotionSandbox.start(SandboxOptions.builder().noRateLimit().demoData(true)
                .webhook(WebhookOptions.of(receiver.url(), TOKEN).withDuplicates(1.0)).build());
        new SandboxClient(sandbox, "2025-09-03").post("/v1/pages", SandboxWriteTest.crmPage("Twice", ""));
        List<WebhookReceiver.Received> got = receiver.await(x -> ofType(x, "page.created"), 2, WAIT);
        assertEquals(parse(got.get(0)).path("id").asText(), parse(got.get(1)).path("id").asText());
    }

    @Test
    void reorderingShufflesABatch() throws Exception {
        receiver = new WebhookReceiver(0);
        sandbox = NotionSandbox.start(SandboxOptions.builder().noRateLimit().randomSeed(3)
                .webhook(WebhookOptions.of(receiver.url(), TOKEN).withReordering(10, Duration.ofSeconds(5))).build());
        SandboxClient api = new SandboxClient(sandbox, "2025-09-03");
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            created.add(api.post("/v1/pages", SandboxWriteTest.crmPage("Batch " + i, "")).body().path("id").asText());
        }
        List<String> delivered = receiver.await(x -> ofType(x, "page.created"), 10, WAIT).stream()
                .map(r -> parse(r).path("entity").path("id").asText()).toList();
        assertEquals(new HashSet<>(created), new HashSet<>(delivered));
        assertTrue(!created.equals(delivered), "delivered in another order");
    }
}
