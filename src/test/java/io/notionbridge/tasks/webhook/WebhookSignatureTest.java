package io.notionbridge.tasks.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** X-Notion-Signature: HMAC-SHA256 over the raw bytes, with Notion's documented test vector. */
class WebhookSignatureTest {

    private static final String DOCS_TOKEN = "secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl";
    private static final byte[] DOCS_BODY = ("{\"verification_token\":\"" + DOCS_TOKEN + "\"}").getBytes(StandardCharsets.UTF_8);
    private static final String DOCS_SIGNATURE = "sha256=461e8cbcba8a75c3edd866f0e71280f5a85cbf21eff040ebd10fe266df38a735";

    private final WebhookSignature signature = new WebhookSignature(DOCS_TOKEN);

    @Test
    void theDocumentedTestVector() {
        assertThat(WebhookSignature.sign(DOCS_TOKEN, DOCS_BODY)).isEqualTo(DOCS_SIGNATURE);
        assertThat(signature.verify(DOCS_BODY, DOCS_SIGNATURE)).isTrue();
    }

    @Test
    void aValidSignatureIsAcceptedWithSurroundingSpacesAndUpperCaseHex() {
        assertThat(signature.verify(DOCS_BODY, "  " + DOCS_SIGNATURE + " ")).isTrue();
        assertThat(signature.verify(DOCS_BODY, "sha256=" + DOCS_SIGNATURE.substring(7).toUpperCase())).isTrue();
    }

    @Test
    void aWrongSignatureIsRefused() {
        String wrongDigit = DOCS_SIGNATURE.substring(0, DOCS_SIGNATURE.length() - 1) + "6";
        assertThat(signature.verify(DOCS_BODY, wrongDigit)).isFalse();
        assertThat(new WebhookSignature("secret_other").verify(DOCS_BODY, DOCS_SIGNATURE)).as("another secret").isFalse();
    }

    @Test
    void aMissingOrMalformedHeaderIsRefused() {
        assertThat(signature.verify(DOCS_BODY, null)).isFalse();
        assertThat(signature.verify(DOCS_BODY, "")).isFalse();
        assertThat(signature.verify(DOCS_BODY, DOCS_SIGNATURE.substring(7))).as("no sha256= prefix").isFalse();
        assertThat(signature.verify(DOCS_BODY, "sha1=" + DOCS_SIGNATURE.substring(7))).isFalse();
        assertThat(signature.verify(DOCS_BODY, DOCS_SIGNATURE.substring(0, 40))).as("too short").isFalse();
        assertThat(signature.verify(DOCS_BODY, DOCS_SIGNATURE + "00")).as("too long").isFalse();
        assertThat(signature.verify(DOCS_BODY, "sha256=" + "z".repeat(64))).as("not hex").isFalse();
    }

    @Test
    void aReSerialisedBodyNoLongerMatches() throws Exception {
        ObjectMapper json = new ObjectMapper();
        byte[] pretty = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(DOCS_BODY));
        assertThat(json.readTree(pretty)).isEqualTo(json.readTree(DOCS_BODY));
        assertThat(signature.verify(pretty, DOCS_SIGNATURE)).as("same JSON, other bytes").isFalse();
        byte[] spaced = ("{\"verification_token\": \"" + DOCS_TOKEN + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(spaced, DOCS_SIGNATURE)).isFalse();
    }

    @Test
    void signingIsTheSameOnEveryThread() throws Exception {
        String[] fromOtherThread = new String[1];
        Thread t = new Thread(() -> fromOtherThread[0] = signature.sign(DOCS_BODY));
        t.start();
        t.join();
        assertThat(fromOtherThread[0]).isEqualTo(DOCS_SIGNATURE);
        assertThat(signature.sign(DOCS_BODY)).isEqualTo(DOCS_SIGNATURE);
    }
}
