package io.notionbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Test;

/** One limiter paces all Notion traffic of the JVM, whichever thread sends it. */
class GatewayPacingTest extends BridgeRouteTestSupport {

    @Override
    protected void extraProperties(Properties p) {
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.scheduler.enabled", "false");
        p.setProperty("bridge.sandbox.rate-limit", "off");
        p.setProperty("bridge.notion.rate-limit", "5");
        p.setProperty("bridge.notion.rate-period-ms", "1000");
    }

    @Test
    void callersOnSeveralThreadsShareOneLimit() throws Exception {
        NotionSandbox sandbox = context.getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
        NotionClient client = context.getRegistry().lookupByNameAndType("notionClient", NotionClient.class);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // warm connections first, so arrival times at the sandbox reflect the limiter, not connection set-up
            List<Future<JsonNode>> warmUp = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                warmUp.add(pool.submit(() -> client.call(NotionRequest.get("/v1/users/me"))));
            }
            for (Future<JsonNode> f : warmUp) {
                f.get();
            }
            sandbox.requestLog().reset();
            List<Future<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                calls.add(pool.submit(() -> client.call(NotionRequest.get("/v1/users/me"))));
            }
            for (Future<JsonNode> f : calls) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // when each request reached the sandbox (the log records when it was answered)
        List<Instant> at = sandbox.requestLog().entries(e -> e.path().equals("/v1/users/me")).stream()
                .map(e -> e.at().minusMillis(e.durationMs())).sorted().toList();
        assertThat(at).hasSize(15);
        for (int i = 0; i + 5 < at.size(); i++) {
            assertThat(Duration.between(at.get(i), at.get(i + 5)))
                    .as("requests %d and %d are a full period apart", i, i + 5).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }
}
