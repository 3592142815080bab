package io.notionbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionObjectNotFoundException;
import io.notionbridge.notion.error.NotionOutcomeUnknownException;
import io.notionbridge.notion.error.NotionRateLimitedException;
import io.notionbridge.notion.error.NotionUnavailableException;
import io.notionbridge.notion.retry.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One HTTP exchange with a stub Notion: what is sent, and how each kind of answer comes back. */
class NotionHttpExecutorTest {

    private record Answer(int status, Map<String, String> headers, String body, long delayMs) {
    }

    private HttpServer server;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    private NotionHttpExecutor executor;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        GatewaySettings settings = new GatewaySettings("2026-03-11", 3, 1000, Duration.ofMillis(800), 4, 20,
                Duration.ofMillis(10), Duration.ofMillis(100), 50, 20, 10, Duration.ofSeconds(30), 3, Duration.ofSeconds(60));
        meters = new SimpleMeterRegistry();
        NotionEndpoint endpoint = new NotionEndpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/", "secret_abc", false);
        executor = new NotionHttpExecutor(() -> endpoint, settings, RetryPolicy.defaults(), new GatewayMetrics(meters));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        seen.add(Map.of("method", ex.getRequestMethod(), "uri", ex.getRequestURI().toString(),
                "auth", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")),
                "version", String.valueOf(ex.getRequestHeaders().getFirst("Notion-Version")),
                "type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")),
                "body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer a = answers.isEmpty() ? new Answer(200, Map.of(), "{}", 0) : answers.remove(0);
        if (a.delayMs() > 0) {
            try {
                Thread.sleep(a.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] b = a.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(a.status(), b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static String error(int status, String code) {
        return "{\"object\":\"error\",\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"m\",\"request_id\":\"req-" + status + "\"}";
    }

    @Test
    void sendsTokenVersionAndJsonAndReturnsTheAnswer() {
        answers.add(new Answer(200, Map.of(), "{\"object\":\"page\",\"id\":\"p1\"}", 0));
        JsonNode body = NotionJson.object().put("in_trash", true);
        JsonNode answer = executor.execute(NotionRequest.patch("/v1/pages/p1", body));
        assertThat(answer.get("id").asText()).isEqualTo("p1");
        assertThat(seen.get(0)).containsEntry("method", "PATCH").containsEntry("uri", "/v1/pages/p1")
                .containsEntry("auth", "Bearer secret_abc").containsEntry("version", "2026-03-11")
                .containsEntry("type", "application/json").containsEntry("body", "{\"in_trash\":true}");
        assertThat(meters.find("notion_gateway_requests").tag("endpoint", "PATCH /v1/pages/p1").tag("status", "200").counter())
                .isNotNull();
    }

    @Test
    void notFoundIsTypedWithCodeAndRequestId() {
        answers.add(new Answer(404, Map.of(), error(404, "object_not_found"), 0));
        assertThatThrownBy(() -> executor.execute(NotionRequest.get("/v1/pages/x")))
                .isInstanceOf(NotionObjectNotFoundException.class)
                .hasMessageContaining("object_not_found").hasMessageContaining("req-404");
    }

    @Test
    void readOn503IsRetryableButAWriteOn503IsOutcomeUnknown() {
        answers.add(new Answer(503, Map.of(), error(503, "service_unavailable"), 0));
        assertThatThrownBy(() -> executor.execute(NotionRequest.get("/v1/pages/x")))
                .isInstanceOf(NotionUnavailableException.class);
        answers.add(new Answer(503, Map.of(), error(503, "service_unavailable"), 0));
        assertThatThrownBy(() -> executor.execute(NotionRequest.post("/v1/pages", NotionJson.object())))
                .isInstanceOf(NotionOutcomeUnknownException.class);
        answers.add(new Answer(502, Map.of(), "<html>bad gateway</html>", 0));
        assertThatThrownBy(() -> executor.execute(NotionRequest.query("ds", NotionJson.object())))
                .as("a query is a read even though it is a POST").isInstanceOf(NotionUnavailableException.class);
    }

    @Test
    void rateLimitedCarriesRetryAfterInSecondsOrAsAnHttpDate() {
        answers.add(new Answer(429, Map.of("Retry-After", "7"), "{\"object\":\"error\",\"status\":429,\"code\":\"rate_limited\","
                + "\"message\":\"slow down\",\"request_id\":\"r\",\"additional_data\":{\"rate_limit_reason\":\"public_api_request_rate_limit\"}}", 0));
        assertThatThrownBy(() -> executor.execute(NotionRequest.get("/v1/users/me")))
                .isInstanceOfSatisfying(NotionRateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e.rateLimitReason()).contains("public_api_request_rate_limit");
                });
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(120));
        answers.add(new Answer(529, Map.of("Retry-After", date), error(529, "service_overload"), 0));
        assertThatThrownBy(() -> executor.execute(NotionRequest.get("/v1/users/me")))
                .isInstanceOfSatisfying(NotionRateLimitedException.class,
                        e -> assertThat(e.retryAfter().orElseThrow().toSeconds()).isBetween(110L, 121L));
    }

    @Test
    void aTimeoutOnAReadIsRetryableAndOnAWriteIsOutcomeUnknown() {
        answers.add(new Answer(200, Map.of(), "{}", 2000));
        assertThatThrownBy(() -> executor.execute(NotionRequest.get("/v1/pages/slow")))
                .isInstanceOf(NotionUnavailableException.class).hasMessageContaining("timeout");
        answers.add(new Answer(200, Map.of(), "{}", 2000));
        assertThatThrownBy(() -> executor.execute(NotionRequest.patch("/v1/pages/slow", NotionJson.object())))
                .isInstanceOf(NotionOutcomeUnknownException.class);
    }

    @Test
    void tokenNeverAppearsInTheEndpointDescription() {
        assertThat(new NotionEndpoint("https://api.notion.com", "secret_xyz", false).toString()).doesNotContain("secret_xyz");
        assertThat(GatewayMetrics.template("PATCH /v1/pages/1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b"))
                .isEqualTo("PATCH /v1/pages/{id}");
        assertThat(GatewayMetrics.template("GET /v1/databases/1f2e3d4c5b6a49788a9b0c1d2e3f4a5b")).isEqualTo("GET /v1/databases/{id}");
    }
}
