package io.notionbridge.ops.mcp;

import io.notionbridge.ops.BearerToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The bearer token check, the origin policy and session expiry. */
class McpSecurityTest {

    @Test
    void theTokenMustMatchExactly() {
        BearerToken t = new BearerToken("abc123");
        assertThat(t.configured()).isTrue();
        assertThat(t.accepts("Bearer abc123")).isTrue();
        assertThat(t.accepts("bearer abc123")).isTrue();
        assertThat(t.accepts("Bearer  abc123 ")).isTrue();
        assertThat(t.accepts("Bearer abc1234")).isFalse();
        assertThat(t.accepts("Bearer abc12")).isFalse();
        assertThat(t.accepts("abc123")).isFalse();
        assertThat(t.accepts("Basic abc123")).isFalse();
        assertThat(t.accepts(null)).isFalse();
        assertThat(t.toString()).doesNotContain("abc123");
        assertThat(new BearerToken(" ").configured()).isFalse();
        assertThat(new BearerToken(null).accepts("Bearer ")).isFalse();
    }

    @Test
    void originsAreLoopbackOrAllowListed() {
        OriginPolicy p = OriginPolicy.parse(" https://ops.example.com , http://intranet:8080/");
        assertThat(p.allows(null)).as("not a browser").isTrue();
        assertThat(p.allows("http://localhost:6274")).isTrue();
        assertThat(p.allows("http://127.0.0.1:8080")).isTrue();
        assertThat(p.allows("https://app.localhost")).isTrue();
        assertThat(p.allows("http://[::1]:3000")).isTrue();
        assertThat(p.allows("https://ops.example.com")).isTrue();
        assertThat(p.allows("http://intranet:8080")).isTrue();
        assertThat(p.allows("http://ops.example.com")).as("scheme counts").isFalse();
        assertThat(p.allows("https://ops.example.com.evil.io")).isFalse();
        assertThat(p.allows("http://localhost.evil.io")).isFalse();
        assertThat(p.allows("http://127.0.0.1.evil.io")).isFalse();
        assertThat(p.allows("null")).isFalse();
        assertThat(p.allows("file://")).isFalse();
        assertThat(OriginPolicy.parse("").allows("https://ops.example.com")).isFalse();
    }

    @Test
    void idleSessionsExpireAndTheOldestMakesRoom() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        McpSessions s = new McpSessions(Duration.ofMinutes(30), 2, clock);
        String a = s.create("2025-06-18", "a").id();
        now.set(now.get().plusSeconds(60));
        String b = s.create("2025-06-18", "b").id();
        assertThat(a).isNotEqualTo(b);
        now.set(now.get().plusSeconds(60));
        assertThat(s.find(a)).as("a is used again, b is now the least recently used").isPresent();
        String c = s.create("2025-03-26", "c").id();
        assertThat(s.find(b)).isEmpty();
        assertThat(s.find(a)).isPresent();
        assertThat(s.find(c).orElseThrow().protocolVersion()).isEqualTo("2025-03-26");
        now.set(now.get().plus(Duration.ofMinutes(31)));
        assertThat(s.find(a)).as("idle past the timeout").isEmpty();
        assertThat(s.find(null)).isEmpty();
    }
}
