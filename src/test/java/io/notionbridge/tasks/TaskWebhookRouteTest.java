package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.Fixtures;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.tasks.webhook.WebhookSignature;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** POST /webhook/notion through the runtime: answers, inbox rows, repeated deliveries processed once. */
@Tag("db")
class TaskWebhookRouteTest extends TaskRouteTestSupport {

    static final String SECRET = "secret_route_test_abcdefghijklmnopqrstuvwxyz0123456";
    static final String PAGE = "6701b313-9e36-5ff7-84f4-b4e6cee24839";

    @Override
    protected void taskProperties(Properties p) {
        p.setProperty("bridge.notion.webhook-secret", SECRET);
        p.setProperty("bridge.tasks.webhook.max-body-bytes", "8192");
        p.setProperty("bridge.tasks.automation-secret", "automation-shared-secret");
        p.setProperty("bridge.tasks.sandbox-webhook", "false");
    }

    @Test
    void aSignedEventIsStoredAndAnsweredFast() throws Exception {
        get(httpPort, "/api/info"); // warms this test's HTTP client (its first request costs ~300 ms on its own)
        long start = System.nanoTime();
        HttpResponse<String> r = postSigned(SECRET, event("evt-fast", "page.properties_updated", PAGE, "2026-07-04T09:00:00.000Z"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(parse(r.body()).path("status").asText()).isEqualTo("accepted");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
        assertThat(millis).as("answered within 500 ms").isLessThan(500);
        assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE event_id = 'evt-fast' AND state = 'pending'")).isEqualTo(1);
    }

    @Test
    void aMissingOrWrongSignatureIs401WithAJsonError() throws Exception {
        byte[] body = event("evt-401", "page.created", PAGE, "2026-07-04T09:00:00.000Z").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> missing = postWebhook(body);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(parse(missing.body()).path("error").asText()).isEqualTo("missing_signature");
        HttpResponse<String> wrong = postWebhook(body, WebhookSignature.HEADER, WebhookSignature.sign("secret_wrong", body));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(parse(wrong.body()).path("error").asText()).isEqualTo("invalid_signature");
        assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE event_id = 'evt-401'")).isZero();
    }

    @Test
    void malformedJsonIs400AndAnOversizedBodyIs413() throws Exception {
        assertThat(postSigned(SECRET, "{\"id\": \"evt-bad\",").statusCode()).isEqualTo(400);
        assertThat(postWebhook(new byte[0]).statusCode()).as("empty body").isEqualTo(400);
        String big = "{\"id\":\"evt-big\",\"pad\":\"" + "x".repeat(9000) + "\"}";
        HttpResponse<String> r = postSigned(SECRET, big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(parse(r.body()).path("error").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void otherEventTypesAreAnswered200AndNotStored() throws Exception {
        HttpResponse<String> r = postSigned(SECRET, event("evt-comment", "comment.created", PAGE, "2026-07-04T09:00:00.000Z"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(parse(r.body()).path("status").asText()).isEqualTo("ignored");
        assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE event_id = 'evt-comment'")).isZero();
    }

    @Test
    void onlyPostIsServed() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                + "/webhook/notion")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
    }

    @Test
    void theHandshakeIsAnswered200AndNeverReplacesTheConfiguredSecret() throws Exception {
        try (LogCapture log = LogCapture.capture()) {
            String token = "secret_handshake_token_0123456789abcdefghijklmnopq";
            HttpResponse<String> r = postWebhook(("{\"verification_token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(log.lines()).noneSatisfy(l -> assertThat(l.message()).contains(token));
            assertThat(log.containing("verification request received")).singleElement()
                    .satisfies(l -> assertThat(l.message()).contains("secret…(50 chars)").contains("never overwritten"));
        }
        assertThat(count("SELECT COUNT(*) FROM webhook_secrets")).isZero();
        assertThat(postSigned(SECRET, event("evt-after-handshake", "page.created", PAGE, "2026-07-04T09:00:00.000Z"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aRepeatedDeliveryIsAnswered200AndProcessedOnce() throws Exception {
        String pageId = sandbox().createAsPerson(DATA_SOURCE, MAYA,
                taskProperties("Repeated delivery", "tech-explained", "Idempotency", "Queued", "High")).id;
        String body = event("evt-repeat", "page.created", pageId, "2026-07-04T09:00:00.000Z");
        assertThat(parse(postSigned(SECRET, body).body()).path("status").asText()).isEqualTo("accepted");
        assertThat(parse(postSigned(SECRET, body).body()).path("status").asText()).isEqualTo("duplicate");
        runInbox();
        HttpResponse<String> late = postSigned(SECRET, body.replace("\"attempt_number\":1", "\"attempt_number\":2"));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(parse(late.body()).path("status").asText()).isEqualTo("duplicate");
        TaskInboxProcessor.Stats again = runInbox();
        assertThat(again.claimed()).as("nothing left to process").isZero();
        assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE event_id = 'evt-repeat'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM tasks WHERE notion_page_id = '" + pageId + "'")).isEqualTo(1);
        Task t = tasks().findByPageId(pageId).orElseThrow();
        assertThat(t.status()).isEqualTo(TaskState.PENDING);
        assertThat(t.version()).as("written once").isZero();
    }

    @Test
    void anAutomationPayloadIsAcceptedWithTheSharedSecretHeader() throws Exception {
        JsonNode capture = Fixtures.json("automation_webhook_send_webhook_action.json");
        byte[] body = json.writeValueAsBytes(capture.get("body"));
        assertThat(postWebhook(body).statusCode()).isEqualTo(401);
        assertThat(postWebhook(body, "X-Bridge-Automation-Secret", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = postWebhook(body, "X-Bridge-Automation-Secret", "automation-shared-secret");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE source = 'automation'")).isEqualTo(1);
        TaskInboxProcessor.Stats s = runInbox();
        assertThat(s.failed()).isZero();
        assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE source = 'automation' AND state = 'ignored' "
                + "AND result LIKE 'page is not in the task database%'")).as("the fixture's page is in another database")
                .isEqualTo(1);
    }

    @Test
    void operatorsSeeTheInboxThroughTheApiAndTheMetrics() throws Exception {
        assertThat(postSigned(SECRET, event("evt-seen", "page.created", PAGE, "2026-07-04T09:00:00.000Z")).statusCode())
                .isEqualTo(200);
        JsonNode inbox = parse(get(httpPort, "/api/webhooks/inbox?state=pending").body());
        assertThat(inbox.path("counts").path("pending").asInt()).isEqualTo(1);
        assertThat(inbox.path("events").get(0).path("eventId").asText()).isEqualTo("evt-seen");
        assertThat(inbox.path("events").get(0).has("payload")).isFalse();
        assertThat(get(httpPort, "/api/webhooks/inbox?state=nope").statusCode()).isEqualTo(400);
        long id = inbox.path("events").get(0).path("id").asLong();
        assertThat(post(httpPort, "/api/webhooks/inbox/" + id + "/replay", "").statusCode()).as("pending: nothing to replay")
                .isEqualTo(409);
        assertThat(post(httpPort, "/api/webhooks/inbox/999999/replay", "").statusCode()).isEqualTo(404);
        assertThat(get(managementPort, "/observe/metrics").body())
                .contains("bridge_webhook_inbox_depth 1.0")
                .contains("bridge_webhook_inbox_parked 0.0");
        assertThat(DemoData.VIDEO_TASKS_DATABASE_ID).isNotBlank();
    }
}
