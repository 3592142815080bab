package io.notionbridge.sandbox.limit;

import java.util.function.LongSupplier;

/** A fixed budget of requests per window; the window starts with its first request. Thread-safe. */
public final class WindowBudget {

    private final int budget;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int used;
    private boolean started;

    public WindowBudget(int budget, int windowSeconds, LongSupplier nanoTime) {
        this.budget = budget;
        this.windowNanos = windowSeconds * 1_000_000_000L;
        this.nanoTime = nanoTime;
    }

    /** Spends one request: 0 when within budget, else the whole seconds (at least 1) until the window ends. */
    public synchronized long tryAcquire() {
        long now = nanoTime.getAsLong();
        if (!started || now - windowStart >= windowNanos) {
            windowStart = now;
            used = 0;
            started = true;
        }
        if (used < budget) {
            used++;
            return 0;
        }
        long left = windowNanos - (now - windowStart);
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }
}
