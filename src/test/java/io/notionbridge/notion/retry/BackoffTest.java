package io.notionbridge.notion.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    /** A Random whose nextDouble is always the given value. */
    static Random fixed(double value) {
        return new Random() {
            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static Backoff full(double r) {
        return new Backoff(Backoff.Jitter.FULL, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, fixed(r));
    }

    @Test
    void full_jitter_draws_below_an_exponential_ceiling_capped_at_max() {
        assertEquals(Duration.ofMillis(1000), full(1.0).delay(1, null));
        assertEquals(Duration.ofMillis(2000), full(1.0).delay(2, null));
        assertEquals(Duration.ofMillis(8000), full(1.0).delay(4, null));
        assertEquals(Duration.ofSeconds(60), full(1.0).delay(7, null), "64 s capped at 60 s");
        assertEquals(Duration.ofSeconds(60), full(1.0).delay(500, null), "no overflow on large retry numbers");
        assertEquals(Duration.ofMillis(2000), full(0.5).delay(3, null));
        assertEquals(Duration.ZERO, full(0.0).delay(3, null));
    }

    @Test
    void full_jitter_spreads_real_random_delays_within_the_ceiling() {
        Backoff b = new Backoff(Backoff.Jitter.FULL, Duration.ofMillis(100), Duration.ofSeconds(5), 3.0, new Random(42));
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> b.delay(3, null)).distinct().count();
        assertTrue(distinct > 40, "jitter should spread delays, got " + distinct + " distinct of 50");
        for (int i = 0; i < 200; i++) {
            long ms = b.delay(3, null).toMillis();
            assertTrue(ms >= 0 && ms <= 900, "within [0, 100 ms × 3²]: " + ms);
        }
    }

    @Test
    void decorrelated_jitter_grows_from_the_previous_delay() {
        Backoff top = new Backoff(Backoff.Jitter.DECORRELATED, Duration.ofSeconds(1), Duration.ofSeconds(60), 3.0,
                fixed(1.0));
        assertEquals(Duration.ofSeconds(3), top.delay(1, null), "first retry: up to base × 3");
        assertEquals(Duration.ofSeconds(30), top.delay(2, Duration.ofSeconds(10)));
        assertEquals(Duration.ofSeconds(60), top.delay(3, Duration.ofSeconds(50)), "capped");
        assertEquals(Duration.ofSeconds(9), top.delay(3, null), "unknown previous: ceiling of retry 2 (3 s) × 3");
        Backoff bottom = new Backoff(Backoff.Jitter.DECORRELATED, Duration.ofSeconds(1), Duration.ofSeconds(60), 3.0,
                fixed(0.0));
        assertEquals(Duration.ofSeconds(1), bottom.delay(5, Duration.ofSeconds(40)), "never below base");
    }

    @Test
    void rejects_nonsense_settings() {
        Random r = new Random();
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Backoff.Jitter.FULL, Duration.ZERO, Duration.ofSeconds(1), 2, r));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Backoff.Jitter.FULL, Duration.ofSeconds(2), Duration.ofSeconds(1), 2, r));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Backoff.Jitter.FULL, Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, r));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Backoff.Jitter.FULL, Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN, r));
        assertThrows(IllegalArgumentException.class, () -> Backoff.defaults().delay(0, null));
    }
}
