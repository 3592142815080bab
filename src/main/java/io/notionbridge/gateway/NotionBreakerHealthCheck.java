package io.notionbridge.gateway;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: down while the circuit breaker around Notion is open; its state and failure rate are in the details. */
public class NotionBreakerHealthCheck extends AbstractHealthCheck {

    private final CircuitBreaker breaker;

    public NotionBreakerHealthCheck(CircuitBreaker breaker) {
        super("bridge", "notion-breaker");
        this.breaker = breaker;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        CircuitBreaker.State state = breaker.getState();
        builder.detail("state", state.name());
        builder.detail("failureRate", breaker.getMetrics().getFailureRate());
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
            builder.message("circuit breaker around Notion is open").down();
        } else {
            builder.up();
        }
    }
}
