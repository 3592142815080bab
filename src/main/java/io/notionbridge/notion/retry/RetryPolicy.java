package io.notionbridge.notion.retry;

import java.time.Duration;
import java.util.Objects;

import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionApiException;
import io.notionbridge.notion.error.NotionOutcomeUnknownException;
import io.notionbridge.notion.error.NotionRateLimitedException;
import io.notionbridge.notion.error.NotionUnavailableException;

/**
 * Decides, for one failed attempt of a Notion call, whether to try again and after how long, or which typed error to
 * fail with. The rules:
 * <ul>
 *   <li>429/529: retried for any method, after {@code Retry-After} (however long) or the backoff when Notion gave
 *       none, up to {@link #maxRateLimitedAttempts()}; the wait pauses all Notion traffic. Reason
 *       {@code public_api_request_blocked} fails at once.</li>
 *   <li>5xx, timeouts and resets: reads (GET, query, search) and DELETE are retried with backoff up to
 *       {@link #maxAttempts()}; a POST/PATCH write fails with {@link NotionOutcomeUnknownException} (Notion may have
 *       applied it; never repeated blindly). A failure that proves the request never left (connection refused,
 *       unknown host, connect timeout) is retried for writes too.</li>
 *   <li>Everything else (400, 401, 403, 404, 409 conflict, other statuses, bugs) fails at once; on 409 the caller
 *       re-reads and decides.</li>
 * </ul>
 * Immutable and thread-safe (given a thread-safe {@link java.util.Random} in the backoff).
 */
public final class RetryPolicy {

    private final int maxAttempts;
    private final int maxRateLimitedAttempts;
    private final Backoff backoff;

    public RetryPolicy(int maxAttempts, int maxRateLimitedAttempts, Backoff backoff) {
        if (maxAttempts < 1 || maxRateLimitedAttempts < 1) {
            throw new IllegalArgumentException("attempt limits must be at least 1, got " + maxAttempts + " and "
                    + maxRateLimitedAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.maxRateLimitedAttempts = maxRateLimitedAttempts;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** 3 attempts for 5xx/network failures, 10 while rate-limited, {@link Backoff#defaults()}. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, 10, Backoff.defaults());
    }

    public RetryPolicy withMaxAttempts(int n) {
        return new RetryPolicy(n, maxRateLimitedAttempts, backoff);
    }

    public RetryPolicy withMaxRateLimitedAttempts(int n) {
        return new RetryPolicy(maxAttempts, n, backoff);
    }

    public RetryPolicy withBackoff(Backoff b) {
        return new RetryPolicy(maxAttempts, maxRateLimitedAttempts, b);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public int maxRateLimitedAttempts() {
        return maxRateLimitedAttempts;
    }

    /** As {@link #decide(NotionRequest, Throwable, int, Duration)} without a previous delay. */
    public RetryDecision decide(NotionRequest request, Throwable failure, int attempt) {
        return decide(request, failure, attempt, null);
    }

    /**
     * @param request       the call that failed
     * @param failure       what it failed with: a {@link NotionApiException} (see
     *                      {@link io.notionbridge.notion.error.NotionErrors}), or what the HTTP layer threw
     * @param attempt       the number of the attempt that just failed, 1 for the first
     * @param previousDelay the delay waited before this attempt, or null (used by decorrelated jitter)
     */
    public RetryDecision decide(NotionRequest request, Throwable failure, int attempt, Duration previousDelay) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(failure, "failure");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1, got " + attempt);
        }
        NotionApiException typed = NetworkFailures.typed(request, failure);
        if (typed == null) {
            return RetryDecision.fail(failure instanceof RuntimeException re ? re
                    : new IllegalStateException(request.endpoint() + " failed: " + failure, failure));
        }
        if (typed instanceof NotionRateLimitedException limited) {
            if (limited.isBlocked() || attempt >= maxRateLimitedAttempts) {
                return RetryDecision.fail(limited);
            }
            Duration wait = limited.retryAfter().orElseGet(() -> backoff.delay(attempt, previousDelay));
            return RetryDecision.retry(wait, limited, true);
        }
        if (typed instanceof NotionUnavailableException unavailable) {
            if (!request.safeToRetry() && !NetworkFailures.notSent(unavailable)) {
                return RetryDecision.fail(new NotionOutcomeUnknownException(request, unavailable));
            }
            if (attempt >= maxAttempts) {
                return RetryDecision.fail(unavailable);
            }
            return RetryDecision.retry(backoff.delay(attempt, previousDelay), unavailable, false);
        }
        return RetryDecision.fail(typed);
    }
}
