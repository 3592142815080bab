package io.notionbridge.gateway;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Gateway figures for {@code /observe/metrics}: requests by endpoint (ids replaced by {@code {id}}) and status, their
 * duration, 429/529 answers, time spent waiting in traffic pauses, and the circuit breaker's state.
 */
public class GatewayMetrics {

    private static final Pattern ID = Pattern.compile("/[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Binds the gauges that read the shared pause and the breaker. */
    public void bind(NotionTrafficPause pause, CircuitBreaker breaker) {
        FunctionCounter.builder("notion_gateway_pause_wait_seconds", pause, p -> p.waitedMillis() / 1000.0)
                .description("Time callers spent waiting while all Notion traffic was paused after 429/529")
                .register(registry);
        FunctionCounter.builder("notion_gateway_pauses", pause, NotionTrafficPause::pauses)
                .description("Traffic pauses started or extended after 429/529").register(registry);
        Gauge.builder("notion_gateway_breaker_state", breaker, b -> switch (b.getState()) {
            case CLOSED -> 0;
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 3;
        }).description("Circuit breaker around Notion: 0 closed, 1 open, 2 half-open, 3 disabled").register(registry);
    }

    /** Binds the counters of the gateway's retries, by reason ({@code rate_limited} or {@code failure}). */
    public void bindRetries(GatewayRetries retries) {
        FunctionCounter.builder("notion_gateway_retries", retries, GatewayRetries::rateLimitedRetries)
                .tag("reason", "rate_limited").description("Notion requests sent again by the gateway").register(registry);
        FunctionCounter.builder("notion_gateway_retries", retries, GatewayRetries::failureRetries)
                .tag("reason", "failure").description("Notion requests sent again by the gateway").register(registry);
    }

    /** Counts one answer (or {@code network_error}) of {@code endpoint} and records how long it took. */
    public void recordResponse(String endpoint, String status, long nanos) {
        String template = template(endpoint);
        Counter.builder("notion_gateway_requests").tag("endpoint", template).tag("status", status)
                .description("Notion requests by endpoint and HTTP status").register(registry).increment();
        Timer.builder("notion_gateway_request_duration").tag("endpoint", template)
                .description("Duration of Notion requests").register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if ("429".equals(status) || "529".equals(status)) {
            Counter.builder("notion_gateway_rate_limited").tag("status", status)
                    .description("429 and 529 answers from Notion").register(registry).increment();
        }
    }

    /** {@code PATCH /v1/pages/1f2e...} becomes {@code PATCH /v1/pages/{id}}, keeping label values few. */
    public static String template(String endpoint) {
        return ID.matcher(endpoint).replaceAll("/{id}");
    }
}
