package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The handshake in setup mode, with no secret configured: the token is stored once and signs later events. */
@Tag("db")
class TaskSetupModeRouteTest extends TaskRouteTestSupport {

    static final String TOKEN = "secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl";

    @Override
    protected void taskProperties(Properties p) {
        p.setProperty("bridge.notion.webhook-secret", "");
        p.setProperty("bridge.tasks.webhook.setup-mode", "true");
        p.setProperty("bridge.tasks.sandbox-webhook", "false");
    }

    @Test
    void theFirstHandshakeTokenIsStoredNeverOverwrittenAndVerifiesEvents() throws Exception {
        String pageId = "6701b313-9e36-5ff7-84f4-b4e6cee24839";
        assertThat(postSigned(TOKEN, event("evt-early", "page.created", pageId, "2026-07-04T09:00:00.000Z")).statusCode())
                .as("no secret yet").isEqualTo(401);
        byte[] handshake = ("{\"verification_token\":\"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8);
        try (LogCapture log = LogCapture.capture()) {
            // Notion's documented vector: the handshake signed with its own token
            assertThat(postWebhook(handshake, "X-Notion-Signature",
                    "sha256=461e8cbcba8a75c3edd866f0e71280f5a85cbf21eff040ebd10fe266df38a735").statusCode()).isEqualTo(200);
            assertThat(log.lines()).noneSatisfy(l -> assertThat(l.message()).contains(TOKEN));
            assertThat(log.containing("stored as the webhook secret")).singleElement()
                    .satisfies(l -> assertThat(l.message()).contains("secret…(50 chars)"));
        }
        assertThat(count("SELECT COUNT(*) FROM webhook_secrets WHERE secret = '" + TOKEN + "'")).isEqualTo(1);

        String other = "secret_an_attacker_or_a_resend_0123456789abcdefghijk";
        assertThat(postWebhook(("{\"verification_token\":\"" + other + "\"}").getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM webhook_secrets")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM webhook_secrets WHERE secret = '" + TOKEN + "'")).isEqualTo(1);

        assertThat(postSigned(TOKEN, event("evt-1", "page.created", pageId, "2026-07-04T09:00:00.000Z")).statusCode())
                .isEqualTo(200);
        assertThat(postSigned(other, event("evt-2", "page.created", pageId, "2026-07-04T09:00:00.000Z")).statusCode())
                .isEqualTo(401);
    }
}
