package io.notionbridge.tasks.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.notion.Fixtures;
import io.notionbridge.runtime.HttpProblem;
import org.junit.jupiter.api.Test;

/** How a request to /webhook/notion is classified, checked in order: size, signature, JSON, shape. */
class WebhookIntakeTest {

    static final String SECRET = "secret_intake_test_0123456789abcdefghijklmnopqrstu";
    static final String AUTOMATION_SECRET = "helix-test-secret-12345";
    static final String HEADER = "X-Helix-Webhook-Secret";
    static final String PAGE = "6701b313-9e36-5ff7-84f4-b4e6cee24839";

    // a configured secret: the store is never read
    private final WebhookSecretStore secrets = new WebhookSecretStore(null, SECRET, false, Clock.systemUTC());
    private final WebhookIntake intake = new WebhookIntake(secrets, null, 4096, HEADER, AUTOMATION_SECRET);

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String event(String id, String type, String pageId) {
        return "{\"id\":\"" + id + "\",\"timestamp\":\"2026-07-04T09:09:41.123Z\",\"workspace_id\":\"w\","
                + "\"subscription_id\":\"s\",\"integration_id\":\"i\",\"type\":\"" + type + "\","
                + "\"authors\":[{\"id\":\"9e0c1a2b-3d4e-4f50-8a61-000000000001\",\"type\":\"person\"}],"
                + "\"attempt_number\":1,\"api_version\":\"2025-09-03\",\"entity\":{\"id\":\"" + pageId + "\",\"type\":\"page\"},"
                + "\"data\":{\"parent\":{\"id\":\"2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a70\",\"type\":\"database\"},"
                + "\"updated_properties\":[\"title\"]}}";
    }

    private int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (HttpProblem p) {
            return p.status();
        }
    }

    @Test
    void aSignedTaskEventGoesToTheInboxWithItsIdsAndTime() {
        byte[] body = bytes(event("e-1", "page.properties_updated", PAGE));
        WebhookIntake.Received r = intake.classify(body, WebhookSignature.sign(SECRET, body), null);
        assertThat(r).isInstanceOf(WebhookIntake.Event.class);
        IncomingEvent e = ((WebhookIntake.Event) r).event();
        assertThat(e.eventId()).isEqualTo("e-1");
        assertThat(e.eventType()).isEqualTo("page.properties_updated");
        assertThat(e.entityId()).isEqualTo(PAGE);
        assertThat(e.eventTime()).isEqualTo(Instant.parse("2026-07-04T09:09:41.123Z"));
        assertThat(e.source()).isEqualTo("notion");
        assertThat(e.payload()).isEqualTo(new String(body, StandardCharsets.UTF_8)).as("stored as received");
    }

    @Test
    void aMissingOrWrongSignatureIs401() {
        byte[] body = bytes(event("e-1", "page.created", PAGE));
        assertThat(status(() -> intake.classify(body, null, null))).isEqualTo(401);
        assertThat(status(() -> intake.classify(body, WebhookSignature.sign("secret_other", body), null))).isEqualTo(401);
        assertThat(status(() -> intake.classify(body, "sha256=00", null))).isEqualTo(401);
    }

    @Test
    void aReSerialisedBodyIs401() throws Exception {
        byte[] body = bytes(event("e-1", "page.created", PAGE));
        String signature = WebhookSignature.sign(SECRET, body);
        ObjectMapper json = new ObjectMapper();
        byte[] reserialised = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(body));
        assertThat(status(() -> intake.classify(reserialised, signature, null))).isEqualTo(401);
    }

    @Test
    void malformedJsonIs400OnceTheSignatureIsRightAnd401Before() {
        byte[] body = bytes("{\"id\":\"e-1\",");
        assertThat(status(() -> intake.classify(body, WebhookSignature.sign(SECRET, body), null))).isEqualTo(400);
        assertThat(status(() -> intake.classify(body, null, null))).as("unsigned: cannot be a handshake").isEqualTo(400);
        assertThat(status(() -> intake.classify(body, "sha256=" + "0".repeat(64), null)))
                .as("wrong signature: nothing about the body is told").isEqualTo(401);
        byte[] noId = bytes("{\"type\":\"page.created\"}");
        assertThat(status(() -> intake.classify(noId, WebhookSignature.sign(SECRET, noId), null))).isEqualTo(400);
    }

    @Test
    void malformedJsonIsAnsweredWithTheParsersLocation() {
        byte[] body = bytes("{\n  \"id\": \"e-1\",\n  \"type\" \"page.created\"}");
        assertThatThrownBy(() -> intake.classify(body, WebhookSignature.sign(SECRET, body), null))
                .isInstanceOf(HttpProblem.class).hasMessageStartingWith("the body is not valid JSON at line 3, column 10: ")
                .hasMessageContaining("was expecting a colon");
    }

    @Test
    void thePageIdMustBeANotionIdWithOrWithoutDashes() {
        for (String bad : new String[] {"page-1", "1; DROP TABLE tasks--", "../../v1/users/me", PAGE + PAGE,
                PAGE.replace('6', 'g')}) {
            byte[] body = bytes(event("e-1", "page.created", bad));
            assertThatThrownBy(() -> intake.classify(body, WebhookSignature.sign(SECRET, body), null)).as(bad)
                    .isInstanceOf(HttpProblem.class).hasMessage("entity.id is not a Notion page id (a UUID)");
        }
        byte[] compact = bytes(event("e-1", "page.created", PAGE.replace("-", "")));
        assertThat(intake.classify(compact, WebhookSignature.sign(SECRET, compact), null))
                .isInstanceOf(WebhookIntake.Event.class);
        byte[] automation = bytes("{\"source\":{\"type\":\"automation\",\"event_id\":\"x\"},\"data\":{\"object\":"
                + "\"page\",\"id\":\"x'; DROP TABLE tasks--\"}}");
        assertThatThrownBy(() -> intake.classify(automation, null, AUTOMATION_SECRET)).isInstanceOf(HttpProblem.class)
                .hasMessage("data.id is not a Notion page id (a UUID)");
    }

    @Test
    void anOversizedBodyIs413BeforeAnythingElse() {
        byte[] big = bytes("{\"x\":\"" + "a".repeat(5000) + "\"}");
        assertThat(status(() -> intake.classify(big, null, null))).isEqualTo(413);
        assertThat(status(() -> intake.classify(big, WebhookSignature.sign(SECRET, big), null))).isEqualTo(413);
        assertThat(status(() -> intake.classify(new byte[0], null, null))).isEqualTo(400);
    }

    @Test
    void otherEventTypesAreIgnoredNotStored() {
        for (String type : new String[] {"comment.created", "data_source.schema_updated", "page.locked", "file_upload.created"}) {
            byte[] body = bytes(event("e-" + type, type, PAGE));
            WebhookIntake.Received r = intake.classify(body, WebhookSignature.sign(SECRET, body), null);
            assertThat(r).as(type).isInstanceOf(WebhookIntake.Ignored.class);
        }
    }

    @Test
    void theHandshakeIsRecognisedSignedUnsignedOrSignedWithItsOwnUnknownToken() {
        String token = "secret_new_subscription_token_abcdefghijklmnopqrstuvw";
        byte[] body = bytes("{\"verification_token\":\"" + token + "\"}");
        assertThat(intake.classify(body, null, null)).isEqualTo(new WebhookIntake.Verification(token));
        assertThat(intake.classify(body, WebhookSignature.sign(token, body), null)).isEqualTo(new WebhookIntake.Verification(token));
        assertThat(intake.classify(body, WebhookSignature.sign(SECRET, body), null)).isEqualTo(new WebhookIntake.Verification(token));
        byte[] more = bytes("{\"verification_token\":\"" + token + "\",\"x\":1}");
        assertThat(status(() -> intake.classify(more, null, null))).as("not only the token").isEqualTo(401);
    }

    @Test
    void theRecordedAutomationPayloadIsAcceptedWithTheSharedSecretOnly() throws Exception {
        JsonNode capture = Fixtures.json("automation_webhook_send_webhook_action.json");
        byte[] body = new ObjectMapper().writeValueAsBytes(capture.get("body"));
        String secret = capture.path("headers").path("x-helix-webhook-secret").get(0).asText();
        WebhookIntake.Received r = intake.classify(body, null, secret);
        IncomingEvent e = ((WebhookIntake.Event) r).event();
        assertThat(e.source()).isEqualTo("automation");
        assertThat(e.eventType()).isEqualTo("automation.page");
        assertThat(e.eventId()).isEqualTo("automation:bc16e6e0-5276-492c-87e6-923b02770357");
        assertThat(e.entityId()).isEqualTo("36100975-e919-81bb-a013-e800f1c31aa7");
        assertThat(e.eventTime()).isEqualTo(Instant.parse("2026-05-15T09:27:00.000Z"));
        assertThat(status(() -> intake.classify(body, null, "wrong"))).isEqualTo(401);
        assertThat(status(() -> intake.classify(body, null, null))).as("no header, no signature").isEqualTo(401);
        WebhookIntake off = new WebhookIntake(secrets, null, 1 << 20, HEADER, "");
        assertThat(status(() -> off.classify(body, null, secret))).as("automation payloads off").isEqualTo(401);
        byte[] notAPage = bytes("{\"source\":{\"type\":\"automation\",\"event_id\":\"x\"},\"data\":{}}");
        assertThat(status(() -> intake.classify(notAPage, null, secret))).isEqualTo(400);
    }
}
