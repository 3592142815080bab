package io.notionbridge.notion.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionApiException;
import io.notionbridge.notion.error.NotionConflictException;
import io.notionbridge.notion.error.NotionErrors;
import io.notionbridge.notion.error.NotionOutcomeUnknownException;
import io.notionbridge.notion.error.NotionRateLimitedException;
import io.notionbridge.notion.error.NotionUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {

    private static final NotionRequest GET = NotionRequest.get("/v1/pages/p1");
    private static final NotionRequest QUERY = NotionRequest.query("ds1", NotionJson.object());
    private static final NotionRequest SEARCH = NotionRequest.search(null);
    private static final NotionRequest CREATE = NotionRequest.post("/v1/pages", NotionJson.object());
    private static final NotionRequest UPDATE = NotionRequest.patch("/v1/pages/p1", NotionJson.object());
    private static final NotionRequest TRASH = NotionRequest.delete("/v1/blocks/b1");

    /** Max 3 attempts, 10 while rate-limited; full jitter pinned at the ceiling: 1 s, 2 s, 4 s, … */
    private static final RetryPolicy POLICY = RetryPolicy.defaults().withBackoff(new Backoff(Backoff.Jitter.FULL,
            Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, BackoffTest.fixed(1.0)));

    private static final String RETRY = "retry";
    private static final String FAIL = "fail";

    static NotionApiException status(int status) {
        return NotionErrors.fromResponse(status, Map.of(), "");
    }

    static NotionApiException limited(int status, String retryAfter, String reason) {
        String body = reason == null ? "" : "{\"object\":\"error\",\"status\":" + status + ",\"code\":\"rate_limited\","
                + "\"message\":\"slow down\",\"additional_data\":{\"rate_limit_reason\":\"" + reason + "\"}}";
        return NotionErrors.fromResponse(status, retryAfter == null ? Map.of() : Map.of("Retry-After",
                List.of(retryAfter)), body);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // request, failure, attempt, outcome, delay ms (retry), error type, pause all traffic
                Arguments.of(GET, status(503), 1, RETRY, 1000, NotionUnavailableException.class, false),
                Arguments.of(GET, status(503), 2, RETRY, 2000, NotionUnavailableException.class, false),
                Arguments.of(GET, status(503), 3, FAIL, 0, NotionUnavailableException.class, false),
                Arguments.of(GET, status(500), 1, RETRY, 1000, NotionUnavailableException.class, false),
                Arguments.of(GET, status(502), 1, RETRY, 1000, NotionUnavailableException.class, false),
                Arguments.of(GET, status(504), 2, RETRY, 2000, NotionUnavailableException.class, false),
                Arguments.of(QUERY, status(503), 1, RETRY, 1000, NotionUnavailableException.class, false),
                Arguments.of(SEARCH, status(502), 1, RETRY, 1000, NotionUnavailableException.class, false),
                Arguments.of(TRASH, status(503), 1, RETRY, 1000, NotionUnavailableException.class, false),
                Arguments.of(CREATE, status(503), 1, FAIL, 0, NotionOutcomeUnknownException.class, false),
                Arguments.of(CREATE, status(500), 1, FAIL, 0, NotionOutcomeUnknownException.class, false),
                Arguments.of(UPDATE, status(502), 1, FAIL, 0, NotionOutcomeUnknownException.class, false),
                Arguments.of(UPDATE, status(504), 1, FAIL, 0, NotionOutcomeUnknownException.class, false),
                // network failures: reads retry, writes that may have been sent are outcome-unknown
                Arguments.of(GET, new SocketTimeoutException("Read timed out"), 1, RETRY, 1000,
                        NotionUnavailableException.class, false),
                Arguments.of(QUERY, new HttpTimeoutException("request timed out"), 2, RETRY, 2000,
                        NotionUnavailableException.class, false),
                Arguments.of(GET, new RuntimeException("camel wrapper", new SocketException("Connection reset")), 1,
                        RETRY, 1000, NotionUnavailableException.class, false),
                Arguments.of(GET, new SocketTimeoutException("Read timed out"), 3, FAIL, 0,
                        NotionUnavailableException.class, false),
                Arguments.of(CREATE, new SocketTimeoutException("Read timed out"), 1, FAIL, 0,
                        NotionOutcomeUnknownException.class, false),
                Arguments.of(UPDATE, new SocketException("Connection reset"), 1, FAIL, 0,
                        NotionOutcomeUnknownException.class, false),
                Arguments.of(CREATE, new IOException("unexpected end of stream"), 1, FAIL, 0,
                        NotionOutcomeUnknownException.class, false),
                // never sent: safe to retry even a create
                Arguments.of(CREATE, new ConnectException("Connection refused"), 1, RETRY, 1000,
                        NotionUnavailableException.class, false),
                Arguments.of(CREATE, new HttpConnectTimeoutException("connect timed out"), 1, RETRY, 1000,
                        NotionUnavailableException.class, false),
                Arguments.of(UPDATE, new UnknownHostException("api.notion.com"), 2, RETRY, 2000,
                        NotionUnavailableException.class, false),
                Arguments.of(CREATE, new ConnectException("Connection refused"), 3, FAIL, 0,
                        NotionUnavailableException.class, false),
                // rate limits: any method, Retry-After however long, pause everything
                Arguments.of(GET, limited(429, "30", "public_api_request_rate_limit"), 1, RETRY, 30_000,
                        NotionRateLimitedException.class, true),
                Arguments.of(CREATE, limited(429, "421", "public_api_space_request_rate_limit"), 1, RETRY, 421_000,
                        NotionRateLimitedException.class, true),
                Arguments.of(UPDATE, limited(529, null, null), 2, RETRY, 2000, NotionRateLimitedException.class, true),
                Arguments.of(GET, limited(429, "5", null), 5, RETRY, 5000, NotionRateLimitedException.class, true),
                Arguments.of(GET, limited(429, "5", null), 10, FAIL, 0, NotionRateLimitedException.class, false),
                Arguments.of(GET, limited(429, "5", "public_api_request_blocked"), 1, FAIL, 0,
                        NotionRateLimitedException.class, false),
                // everything else fails at once
                Arguments.of(UPDATE, status(409), 1, FAIL, 0, NotionConflictException.class, false),
                Arguments.of(GET, status(409), 1, FAIL, 0, NotionConflictException.class, false),
                Arguments.of(GET, status(400), 1, FAIL, 0, status(400).getClass(), false),
                Arguments.of(GET, status(401), 1, FAIL, 0, status(401).getClass(), false),
                Arguments.of(QUERY, status(403), 1, FAIL, 0, status(403).getClass(), false),
                Arguments.of(GET, status(404), 1, FAIL, 0, status(404).getClass(), false),
                Arguments.of(GET, status(418), 1, FAIL, 0, NotionApiException.class, false),
                Arguments.of(CREATE, new NotionOutcomeUnknownException(CREATE, status(503)), 1, FAIL, 0,
                        NotionOutcomeUnknownException.class, false));
    }

    @ParameterizedTest(name = "[{index}] {0} failing with {1} on attempt {2} -> {3}")
    @MethodSource("table")
    void decides(NotionRequest request, Throwable failure, int attempt, String outcome, long delayMs,
                 Class<?> errorType, boolean pauseAll) {
        RetryDecision d = POLICY.decide(request, failure, attempt);
        assertEquals(RETRY.equals(outcome), d.retry(), "retry?");
        assertEquals(Duration.ofMillis(delayMs), d.delay(), "delay");
        assertEquals(errorType, d.error().getClass(), "error type");
        assertEquals(pauseAll, d.pauseAllTraffic(), "pause all traffic");
        if (d.error() instanceof NotionOutcomeUnknownException unknown) {
            assertSame(request, unknown.request());
        }
    }

    @Test
    void network_failures_are_typed_with_how_far_the_request_got() {
        RetryDecision timeout = POLICY.decide(GET, new SocketTimeoutException("Read timed out"), 1);
        NotionApiException t = (NotionApiException) timeout.error();
        assertEquals("timeout", t.code());
        assertEquals(0, t.status());
        assertEquals("GET /v1/pages/p1", t.endpoint());
        assertTrue(t.getMessage().contains("Read timed out"), t.getMessage());
        assertEquals("connection_failed",
                ((NotionApiException) POLICY.decide(GET, new ConnectException("refused"), 1).error()).code());
        assertEquals("network_error",
                ((NotionApiException) POLICY.decide(GET, new SocketException("Connection reset"), 1).error()).code());
    }

    @Test
    void bugs_are_not_retried() {
        IllegalStateException bug = new IllegalStateException("bug");
        RetryDecision d = POLICY.decide(GET, bug, 1);
        assertFalse(d.retry());
        assertSame(bug, d.error());
        RetryDecision checked = POLICY.decide(GET, new Exception("odd"), 1);
        assertFalse(checked.retry());
        assertTrue(checked.error().getMessage().startsWith("GET /v1/pages/p1 failed"));
        assertThrows(IllegalStateException.class, d::orThrow);
    }

    @Test
    void attempt_limits_are_configurable() {
        RetryPolicy one = POLICY.withMaxAttempts(1).withMaxRateLimitedAttempts(2);
        assertFalse(one.decide(GET, status(503), 1).retry());
        assertTrue(one.decide(GET, limited(429, "1", null), 1).retry());
        assertFalse(one.decide(GET, limited(429, "1", null), 2).retry());
        RetryPolicy five = POLICY.withMaxAttempts(5);
        assertTrue(five.decide(GET, status(503), 4).retry());
        assertEquals(Duration.ofSeconds(8), five.decide(GET, status(503), 4).delay());
        assertThrows(IllegalArgumentException.class, () -> POLICY.withMaxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> POLICY.decide(GET, status(503), 0));
        RetryDecision ok = POLICY.decide(GET, status(503), 1);
        assertSame(ok, ok.orThrow());
    }

    @Test
    void decorrelated_backoff_uses_the_previous_delay() {
        RetryPolicy p = POLICY.withBackoff(new Backoff(Backoff.Jitter.DECORRELATED, Duration.ofSeconds(1),
                Duration.ofSeconds(60), 3.0, BackoffTest.fixed(1.0)));
        assertEquals(Duration.ofSeconds(12), p.decide(GET, status(503), 2, Duration.ofSeconds(4)).delay());
    }
}
