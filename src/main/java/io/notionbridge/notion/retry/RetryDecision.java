package io.notionbridge.notion.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * What to do after a failed Notion call: retry after {@link #delay()}, or fail with {@link #error()} (the typed
 * exception to throw). On a retry, {@code error} is the failure that caused it (for the log line), and
 * {@link #pauseAllTraffic()} is true when Notion rate-limited us: the wait applies to every Notion call, not just
 * this one.
 */
public record RetryDecision(boolean retry, Duration delay, RuntimeException error, boolean pauseAllTraffic) {

    public RetryDecision {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(error, "error");
    }

    public static RetryDecision retry(Duration delay, RuntimeException cause, boolean pauseAllTraffic) {
        return new RetryDecision(true, delay, cause, pauseAllTraffic);
    }

    public static RetryDecision fail(RuntimeException error) {
        return new RetryDecision(false, Duration.ZERO, error, false);
    }

    /** Throws {@link #error()} when the decision is to fail; returns this decision otherwise. */
    public RetryDecision orThrow() {
        if (!retry) {
            throw error;
        }
        return this;
    }
}
