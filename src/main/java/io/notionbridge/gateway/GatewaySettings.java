package io.notionbridge.gateway;

import java.time.Duration;
import java.util.Set;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;

/**
 * How the gateway talks to Notion: API version, pacing, timeouts, retries and the circuit breaker. Read from the
 * {@code bridge.notion.*} keys of application.properties.
 */
public record GatewaySettings(
        String notionVersion,
        int rateLimit,
        long ratePeriodMillis,
        Duration requestTimeout,
        int maxAttempts,
        int maxRateLimitedAttempts,
        Duration backoffBase,
        Duration backoffMax,
        int breakerFailureRatePercent,
        int breakerWindow,
        int breakerMinimumCalls,
        Duration breakerOpenDuration,
        int breakerHalfOpenCalls,
        Duration healthCacheTtl) {

    /** API versions the bridge speaks; 2026-03-11 is the default, 2025-09-03 the fallback. */
    public static final Set<String> SUPPORTED_VERSIONS = Set.of("2026-03-11", "2025-09-03");

    public GatewaySettings {
        if (!SUPPORTED_VERSIONS.contains(notionVersion)) {
            throw new BridgeException("bridge.notion.version must be one of " + SUPPORTED_VERSIONS + ", got '"
                    + notionVersion + "'");
        }
        if (rateLimit < 1) {
            throw new BridgeException("bridge.notion.rate-limit must be at least 1 request per period, got " + rateLimit);
        }
    }

    public static GatewaySettings from(BridgeConfig c) {
        return new GatewaySettings(
                c.get("bridge.notion.version", "2026-03-11"),
                c.getInt("bridge.notion.rate-limit", 3),
                c.getInt("bridge.notion.rate-period-ms", 1000),
                Duration.ofMillis(c.getInt("bridge.notion.request-timeout-ms", 30_000)),
                c.getInt("bridge.notion.max-attempts", 4),
                c.getInt("bridge.notion.max-rate-limited-attempts", 20),
                Duration.ofMillis(c.getInt("bridge.notion.backoff.base-ms", 500)),
                Duration.ofMillis(c.getInt("bridge.notion.backoff.max-ms", 30_000)),
                c.getInt("bridge.notion.breaker.failure-rate", 50),
                c.getInt("bridge.notion.breaker.window", 20),
                c.getInt("bridge.notion.breaker.minimum-calls", 10),
                Duration.ofSeconds(c.getInt("bridge.notion.breaker.open-seconds", 30)),
                c.getInt("bridge.notion.breaker.half-open-calls", 3),
                Duration.ofSeconds(c.getInt("bridge.notion.health-cache-seconds", 60)));
    }
}
