package io.notionbridge.sandbox.limit;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.notionbridge.sandbox.model.ApiError;

/**
 * Applies the connection limit and the optional workspace limit to each {@code /v1} request. Over a limit the request
 * gets Notion's 429 {@code rate_limited} with {@code Retry-After} and {@code additional_data.rate_limit_reason}
 * ({@code public_api_request_rate_limit} or {@code public_api_space_request_rate_limit}). Settings can change at run
 * time; a change starts fresh budgets.
 */
public final class RateLimiter {

    public static final String MESSAGE = "You have been rate limited. Please try again in a few minutes.";

    private final LongSupplier nanoTime;
    private final AtomicLong limited = new AtomicLong();
    private volatile State state;

    private record State(RateLimitSettings settings, TokenBucket bucket, WindowBudget window, WindowBudget workspace) {
    }

    public RateLimiter(RateLimitSettings settings, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        configure(settings);
    }

    public RateLimiter(RateLimitSettings settings) {
        this(settings, System::nanoTime);
    }

    public void configure(RateLimitSettings s) {
        state = new State(s,
                s.mode() == RateLimitSettings.Mode.AVERAGE ? new TokenBucket(s.ratePerSecond(), s.burst(), nanoTime) : null,
                s.mode() == RateLimitSettings.Mode.WINDOW
                        ? new WindowBudget(s.windowBudget(), RateLimitSettings.WINDOW_SECONDS, nanoTime) : null,
                s.workspaceLimited() ? new WindowBudget(s.workspaceBudget(), s.workspaceWindowSeconds(), nanoTime) : null);
    }

    public RateLimitSettings settings() {
        return state.settings();
    }

    /** Empty when the request may go on, else the 429 to answer with. */
    public Optional<ApiError> check() {
        State s = state;
        long wait = s.bucket() != null ? s.bucket().tryAcquire() : s.window() != null ? s.window().tryAcquire() : 0;
        if (wait > 0) {
            return Optional.of(limited("public_api_request_rate_limit", wait));
        }
        if (s.workspace() != null) {
            long ws = s.workspace().tryAcquire();
            if (ws > 0) {
                return Optional.of(limited("public_api_space_request_rate_limit", ws));
            }
        }
        return Optional.empty();
    }

    /** How many requests were refused with 429 since start (or the last reset). */
    public long limitedCount() {
        return limited.get();
    }

    public void resetCount() {
        limited.set(0);
    }

    public ApiError limited(String reason, long retryAfter) {
        limited.incrementAndGet();
        return rateLimited(reason, retryAfter);
    }

    /** Notion's 429 body for {@code reason}, waiting {@code retryAfter} seconds. */
    public static ApiError rateLimited(String reason, long retryAfter) {
        return new ApiError(429, "rate_limited", MESSAGE,
                ApiError.data("rate_limit_reason", reason, "retry_after", String.valueOf(retryAfter)), (int) retryAfter);
    }
}
