package io.notionbridge.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.sandbox.limit.RateLimitSettings;
import io.notionbridge.sandbox.webhook.WebhookOptions;

/**
 * How to start a {@link NotionSandbox}. Defaults: a random free port on 127.0.0.1, token
 * {@value #DEFAULT_TOKEN}, demo data loaded, Notion's classic rate limit (3 requests/s, bursts of 10), no workspace
 * limit, no faults, no webhook subscription, the system clock.
 */
public record SandboxOptions(int port, String host, String token, boolean demoData, RateLimitSettings rateLimit,
                             List<JsonNode> faults, WebhookOptions webhook, Clock clock, long randomSeed,
                             int requestLogCapacity) {

    /** The bot's token of the sandbox: not a secret, printed by the {@code sandbox} command. */
    public static final String DEFAULT_TOKEN = "secret_sandbox_token";

    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the sandbox needs a token");
        }
        faults = List.copyOf(faults);
    }

    public static SandboxOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().port(port).host(host).token(token).demoData(demoData).rateLimit(rateLimit)
                .webhook(webhook).clock(clock).randomSeed(randomSeed).requestLogCapacity(requestLogCapacity);
        faults.forEach(b::fault);
        return b;
    }

    /** Builds {@link SandboxOptions}; every setter is optional. */
    public static final class Builder {
        private int port;
        private String host = "127.0.0.1";
        private String token = DEFAULT_TOKEN;
        private boolean demoData = true;
        private RateLimitSettings rateLimit = RateLimitSettings.defaults();
        private final List<JsonNode> faults = new ArrayList<>();
        private WebhookOptions webhook;
        private Clock clock = Clock.systemUTC();
        private long randomSeed = 42;
        private int requestLogCapacity = 20_000;

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        public Builder rateLimit(RateLimitSettings rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        public Builder noRateLimit() {
            return rateLimit(RateLimitSettings.off());
        }

        /** A fault present from the start, in the admin API's JSON form. */
        public Builder fault(JsonNode fault) {
            this.faults.add(fault);
            return this;
        }

        public Builder webhook(WebhookOptions webhook) {
            this.webhook = webhook;
            return this;
        }

        /** The base clock the sandbox clock starts from (it can still be set, advanced and frozen at run time). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Seed of the random choices (fault rates, duplicate and reordered webhooks), for repeatable runs. */
        public Builder randomSeed(long seed) {
            this.randomSeed = seed;
            return this;
        }

        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = capacity;
            return this;
        }

        public SandboxOptions build() {
            return new SandboxOptions(port, host, token, demoData, rateLimit, faults, webhook, clock, randomSeed,
                    requestLogCapacity);
        }
    }
}
