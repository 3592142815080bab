package io.notionbridge.notion.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Exponential backoff with jitter, so that many callers that failed together do not come back together.
 * <ul>
 *   <li>{@link Jitter#FULL}: a uniform random delay in {@code [0, min(max, base × multiplier^(retry-1))]}.</li>
 *   <li>{@link Jitter#DECORRELATED}: a uniform random delay in {@code [base, min(max, previous × multiplier)]}, where
 *       {@code previous} is the last delay (or the exponential ceiling of the previous retry when unknown).</li>
 * </ul>
 * The {@link Random} is injected so tests can pin the jitter.
 */
public final class Backoff {

    /** How the random part is drawn. */
    public enum Jitter { FULL, DECORRELATED }

    private final Jitter jitter;
    private final Duration base;
    private final Duration max;
    private final double multiplier;
    private final Random random;

    public Backoff(Jitter jitter, Duration base, Duration max, double multiplier, Random random) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.base = Objects.requireNonNull(base, "base");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max, got base " + base + ", max " + max);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be a finite number >= 1, got " + multiplier);
        }
        this.multiplier = multiplier;
    }

    /** Full jitter, base 1 s, max 60 s, multiplier 2 (what Notion's own SDK uses, with jitter). */
    public static Backoff defaults() {
        return new Backoff(Jitter.FULL, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, new Random());
    }

    /**
     * The delay before retry number {@code retry} (1 for the first retry). {@code previous} is the delay used before
     * the previous retry, or null; only decorrelated jitter uses it.
     */
    public Duration delay(int retry, Duration previous) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        double maxMs = max.toMillis();
        if (jitter == Jitter.FULL) {
            return Duration.ofMillis(Math.round(random.nextDouble() * ceilingMillis(retry)));
        }
        double baseMs = base.toMillis();
        double prevMs = previous != null ? previous.toMillis() : retry == 1 ? baseMs : ceilingMillis(retry - 1);
        double upper = Math.min(maxMs, Math.max(baseMs, prevMs) * multiplier);
        return Duration.ofMillis(Math.round(baseMs + random.nextDouble() * (upper - baseMs)));
    }

    /** {@code min(max, base × multiplier^(retry-1))} in milliseconds: the largest delay full jitter can draw. */
    public long ceilingMillis(int retry) {
        double v = base.toMillis() * Math.pow(multiplier, retry - 1.0);
        return (long) Math.min(max.toMillis(), v);
    }

    public Duration base() {
        return base;
    }

    public Duration max() {
        return max;
    }
}
