package io.notionbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionUnauthorizedException;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Alerts reach a Slack-compatible webhook once per condition, are repeated only after a while, and resolve. */
@Tag("db")
class AlertsTest extends BridgeRouteTestSupport {

    private static HttpServer receiver;
    private static final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    protected void extraProperties(Properties p) {
        try {
            if (receiver == null) {
                receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                receiver.createContext("/hook", ex -> {
                    received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    ex.sendResponseHeaders(200, -1);
                    ex.close();
                });
                receiver.start();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        received.clear();
        p.setProperty("bridge.alerts.webhook-url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        fastSandbox(p);
        p.setProperty("bridge.notion.max-attempts", "1");
        p.setProperty("bridge.notion.breaker.minimum-calls", "100");
    }

    private List<String> check() {
        return template.requestBody("direct:alerts-check", null, List.class);
    }

    private String text(int i) throws Exception {
        return new ObjectMapper().readTree(received.get(i)).get("text").asText();
    }

    @Test
    void anOpenBreakerAlertsOnceAndThenResolves() throws Exception {
        CircuitBreaker breaker = context.getRegistry().lookupByNameAndType("notionCircuitBreaker", CircuitBreaker.class);
        breaker.transitionToForcedOpenState();
        assertThat(check()).hasSize(1);
        assertThat(check()).as("de-duplicated while it lasts").isEmpty();
        assertThat(received).hasSize(1);
        assertThat(text(0)).contains("circuit breaker around Notion is open");
        breaker.transitionToClosedState();
        assertThat(check()).singleElement().asString().contains("resolved: notion-breaker");
        assertThat(received).hasSize(2);
    }

    @Test
    void aJobFailingThreeTimesInARowAlerts() throws Exception {
        NotionSandbox sandbox = context.getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
        sandbox.faults().failNext("POST", "/v1/data_sources/{id}/query", 503, 1000);
        JobService jobs = context.getRegistry().lookupByNameAndType("jobService", JobService.class);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> jobs.run("suppression-sync", false, Map.of())).isNotNull();
        }
        assertThat(jobs.status("suppression-sync").consecutiveFailures()).isEqualTo(3);
        assertThat(check()).anySatisfy(a -> assertThat(a).contains("job suppression-sync failed 3 times in a row"));
    }

    @Test
    void parkedWebhookEventsAlert() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO webhook_inbox (event_id, event_type, payload, source, state) "
                    + "VALUES ('e1', 'page.created', '{}', 'notion', 'parked')");
        }
        assertThat(check()).anySatisfy(a -> assertThat(a).contains("1 webhook event(s) parked"));
    }

    @Test
    void notionRejectingTheTokenAlerts() throws Exception {
        NotionSandbox sandbox = context.getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
        sandbox.faults().failNext("GET", "/v1/users/me", 401, 1);
        NotionClient client = context.getRegistry().lookupByNameAndType("notionClient", NotionClient.class);
        assertThatThrownBy(() -> client.call(NotionRequest.get("/v1/users/me"))).isInstanceOf(NotionUnauthorizedException.class);
        assertThat(check()).anySatisfy(a -> assertThat(a).contains("Notion rejected the integration token"));
    }
}
