package io.notionbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.testing.BridgeProcess;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery to CRM with the packaged jar in sandbox mode, as a newcomer sees it: signals POSTed to the runtime, the
 * push job's timer (or the {@code push} command) puts the companies into the sandbox's demo CRM.
 */
class DiscoveryIT {

    private static final String CRM_DATA_SOURCE = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a11";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Map<String, String> env(int sandboxPort) {
        Map<String, String> env = new HashMap<>();
        env.put("BRIDGE_DB_URL", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        env.put("BRIDGE_SANDBOX_PORT", Integer.toString(sandboxPort));
        env.put("BRIDGE_SANDBOX_RATE_LIMIT", "off");
        env.put("NOTION_RATE_LIMIT", "50");
        return env;
    }

    private HttpResponse<String> postSignals(BridgeProcess bridge, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.httpPort() + "/api/signals"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The sandbox CRM pages with this canonical key, read over the sandbox's Notion API as any client would. */
    private JsonNode crmPages(int sandboxPort, String key) throws Exception {
        String query = "{\"filter\":{\"property\":\"Canonical Key\",\"rich_text\":{\"equals\":\"" + key + "\"}}}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandboxPort
                        + "/v1/data_sources/" + CRM_DATA_SOURCE + "/query"))
                .header("Authorization", "Bearer secret_sandbox_token").header("Notion-Version", "2026-03-11")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return NotionJson.MAPPER.readTree(r.body()).get("results");
    }

    private JsonNode awaitPages(BridgeProcess bridge, int sandboxPort, String key, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode pages = crmPages(sandboxPort, key);
        while (pages.isEmpty() && System.nanoTime() < deadline) {
            assertThat(bridge.process().isAlive()).as("bridge still running").isTrue();
            bridge.process().waitFor(250, TimeUnit.MILLISECONDS);
            pages = crmPages(sandboxPort, key);
        }
        return pages;
    }

    @Test
    void theTimerPushesTheDemoFeedAndPostedSignalsIntoTheSandboxCrm() throws Exception {
        int sandboxPort = BridgeRouteTestSupport.freePort();
        Map<String, String> env = env(sandboxPort);
        env.put("BRIDGE_DISCOVERY_PUSH_DELAY_MS", "0");
        env.put("BRIDGE_DISCOVERY_PUSH_PERIOD_MS", "1000");
        try (BridgeProcess bridge = BridgeProcess.start(env)) {
            bridge.awaitHealthy(Duration.ofSeconds(60));
            HttpResponse<String> posted = postSignals(bridge, "[{\"signal_type\":\"funding_post\",\"source_api\":\"news\","
                    + "\"company_name\":\"Kestrel Aero\",\"confidence\":0.9,\"website\":\"https://kestrel.aero\","
                    + "\"raw_data\":{\"founder\":\"Ines Duarte\"}}]");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            assertThat(posted.body()).contains("\"canonical_key\":\"domain:kestrel.aero\"");

            JsonNode demo = awaitPages(bridge, sandboxPort, "domain:latticeloop.ai", Duration.ofSeconds(60));
            assertThat(demo).as("a demo feed company").hasSize(1);
            assertThat(demo.get(0).at("/properties/Status/status/name").asText()).isEqualTo("Source");
            JsonNode kestrel = awaitPages(bridge, sandboxPort, "domain:kestrel.aero", Duration.ofSeconds(60));
            assertThat(kestrel).as("the posted company").hasSize(1);
            assertThat(kestrel.get(0).at("/properties/Founder/rich_text/0/plain_text").asText()).isEqualTo("Ines Duarte");

            bridge.terminate(Duration.ofSeconds(45));
            assertThat(bridge.log()).contains("Demo feed: stored 34 signals")
                    .containsPattern("route=discovery-push exchange=\\S+ - Discovery push: processed=\\d+ pushed=\\d+");
        }
    }

    @Test
    void thePushCommandRunsTheJobOnceAndPrintsJson() throws Exception {
        int sandboxPort = BridgeRouteTestSupport.freePort();
        Map<String, String> env = env(sandboxPort);
        env.put("BRIDGE_SCHEDULER_ENABLED", "false");
        env.put("BRIDGE_DISCOVERY_DEMO_FEED", "false");
        try (BridgeProcess bridge = BridgeProcess.start(env)) {
            bridge.awaitHealthy(Duration.ofSeconds(60));
            assertThat(postSignals(bridge, "[{\"signal_type\":\"github_star_spike\",\"source_api\":\"github\","
                    + "\"company_name\":\"Osprey Maps\",\"confidence\":0.8,\"github_org\":\"osprey-maps\"},"
                    + "{\"signal_type\":\"funding_post\",\"source_api\":\"news\",\"company_name\":\"Saltmarsh Bio\","
                    + "\"confidence\":0.2,\"website\":\"saltmarsh.bio\"}]").statusCode()).isEqualTo(201);
            bridge.terminate(Duration.ofSeconds(45));
        }
        try (BridgeProcess push = BridgeProcess.start(env, "push", "--json")) {
            assertThat(push.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
            String log = push.log();
            assertThat(push.process().exitValue()).as(log).isZero();
            JsonNode summary = NotionJson.MAPPER.readTree(log.substring(log.indexOf("{\n"), log.lastIndexOf('}') + 1));
            assertThat(summary.get("processed").asInt()).isEqualTo(2);
            assertThat(summary.get("pushed_created").asInt()).isEqualTo(1);
            assertThat(summary.get("held").asInt()).isEqualTo(1);
        }
        try (BridgeProcess again = BridgeProcess.start(env, "push")) {
            assertThat(again.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(again.process().exitValue()).as(again.log()).isZero();
            assertThat(again.log()).contains("Discovery push: 1 prospect(s)").contains("held 1");
        }
    }
}
