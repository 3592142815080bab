package io.notionbridge.gateway;

import java.time.Duration;

import io.notionbridge.cluster.NotLeaderException;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionApiException;
import io.notionbridge.notion.error.NotionRateLimitedException;
import io.notionbridge.notion.retry.RetryDecision;
import io.notionbridge.notion.retry.RetryPolicy;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code retryWhile} of the gateway's route configuration: asks the {@link RetryPolicy} whether a failed Notion
 * call is tried again, sets the redelivery delay for this attempt ({@code CamelRedeliveryDelay}), and on 429/529
 * pauses all Notion traffic for {@code Retry-After} instead of delaying only this call. Every retry is logged with
 * the endpoint, the status, Notion's code and its request id.
 */
public class GatewayRetries {

    /** Exchange property holding the {@link NotionRequest} being sent. */
    public static final String REQUEST = "notion.request";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRetries.class);

    private final RetryPolicy policy;
    private final NotionTrafficPause pause;
    private final java.util.concurrent.atomic.AtomicLong rateLimitedRetries = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong failureRetries = new java.util.concurrent.atomic.AtomicLong();

    public GatewayRetries(RetryPolicy policy, NotionTrafficPause pause) {
        this.policy = policy;
        this.pause = pause;
    }

    public boolean retryWhile(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        NotionRequest request = exchange.getProperty(REQUEST, NotionRequest.class);
        if (failure == null || request == null || failure instanceof CallNotPermittedException
                || failure instanceof NotLeaderException) {
            return false;
        }
        // Camel has already counted this failure when retryWhile runs: the counter is the number of the failed attempt
        int attempt = Math.max(1, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
        RetryDecision decision = policy.decide(request, failure, attempt);
        if (!decision.retry()) {
            if (decision.error() instanceof NotionRateLimitedException limited && limited.isBlocked()) {
                LOG.error("ALERT Notion blocked the integration's requests (rate_limit_reason={}, request_id={}); "
                        + "retrying will not help: check the integration in Notion", limited.rateLimitReason().orElse("?"),
                        limited.requestId());
            }
            return false;
        }
        Duration delay = decision.delay();
        String why = describe(decision.error());
        if (decision.pauseAllTraffic()) {
            rateLimitedRetries.incrementAndGet();
            pause.pauseFor(delay, why);
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 0L);
        } else {
            failureRetries.incrementAndGet();
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay.toMillis());
            LOG.warn("Notion {} failed ({}); retry {} of {} in {} ms", request.endpoint(), why, attempt,
                    policy.maxAttempts() - 1, delay.toMillis());
        }
        return true;
    }

    /** Requests sent again after a 429 or 529 (each after a shared pause). */
    public long rateLimitedRetries() {
        return rateLimitedRetries.get();
    }

    /** Requests sent again after a 5xx, a timeout or a dropped connection (reads, and writes that never left). */
    public long failureRetries() {
        return failureRetries.get();
    }

    static String describe(Throwable t) {
        if (t instanceof NotionRateLimitedException r) {
            return r.status() + " " + r.code() + ", rate_limit_reason=" + r.rateLimitReason().orElse("none")
                    + ", request_id=" + r.requestId();
        }
        if (t instanceof NotionApiException api) {
            return (api.status() == 0 ? "" : api.status() + " ") + api.code() + ", request_id=" + api.requestId();
        }
        return String.valueOf(t);
    }
}
