package io.notionbridge.sandbox.limit;

import java.util.function.LongSupplier;

/** A token bucket: {@code rate} tokens per second, at most {@code burst} saved up. Thread-safe. */
public final class TokenBucket {

    private final double rate;
    private final int burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public TokenBucket(double rate, int burst, LongSupplier nanoTime) {
        this.rate = rate;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    /** Takes a token: 0 when granted, else the whole seconds (at least 1) until one is available. */
    public synchronized long tryAcquire() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
    }
}
