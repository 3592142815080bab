package io.notionbridge.notion.error;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 {@code rate_limited} or 529 {@code service_overload}: Notion asks every caller to wait. {@link #retryAfter()} is
 * the wait Notion asked for (absent when it gave none); {@link #rateLimitReason()} is
 * {@code additional_data.rate_limit_reason}. When {@link #isBlocked()} (reason {@code public_api_request_blocked})
 * waiting will not help and the call must fail.
 */
public class NotionRateLimitedException extends NotionApiException {

    /** The reason Notion gives when retrying will not help. */
    public static final String BLOCKED_REASON = "public_api_request_blocked";

    private final Duration retryAfter;

    public NotionRateLimitedException(NotionErrorDetails details, Duration retryAfter) {
        super(details.describe() + (retryAfter == null ? "" : "; retry after " + retryAfter.toMillis() + " ms"),
                details, null);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<String> rateLimitReason() {
        return additional("rate_limit_reason");
    }

    public boolean isBlocked() {
        return rateLimitReason().filter(BLOCKED_REASON::equals).isPresent();
    }

    /** True for 529 {@code service_overload} rather than a per-connection or per-workspace limit. */
    public boolean isOverload() {
        return status() == 529;
    }
}
