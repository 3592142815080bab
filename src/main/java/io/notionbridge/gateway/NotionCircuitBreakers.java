package io.notionbridge.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.notionbridge.notion.error.NotionOutcomeUnknownException;
import io.notionbridge.notion.error.NotionUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resilience4j circuit breaker around Notion. Only signs that Notion is down count as failures (5xx, timeouts,
 * dropped connections, writes with an unknown outcome); a 4xx is the caller's problem and a 429 is handled by the
 * shared pause, so neither opens it. Open, it rejects calls at once; after the open period it lets a few probe calls
 * through (half-open) and closes again when they succeed.
 */
public final class NotionCircuitBreakers {

    private static final Logger LOG = LoggerFactory.getLogger(NotionCircuitBreakers.class);

    private NotionCircuitBreakers() {
    }

    public static CircuitBreaker create(GatewaySettings s) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(s.breakerFailureRatePercent())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.breakerWindow())
                .minimumNumberOfCalls(s.breakerMinimumCalls())
                .waitDurationInOpenState(s.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(s.breakerHalfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(NotionCircuitBreakers::isOutage)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("notion", config);
        breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                LOG.error("ALERT Notion circuit breaker OPEN: Notion is failing ({}); calls are rejected for {} s, then probed",
                        e.getStateTransition(), s.breakerOpenDuration().toSeconds());
            } else {
                LOG.warn("Notion circuit breaker {}", e.getStateTransition());
            }
        });
        return breaker;
    }

    /** True for failures that mean Notion itself is in trouble. */
    public static boolean isOutage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof NotionUnavailableException || c instanceof NotionOutcomeUnknownException) {
                return true;
            }
        }
        return false;
    }
}
