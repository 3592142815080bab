package io.notionbridge.tasks;

import java.time.Duration;

import io.notionbridge.config.BridgeConfig;

/**
 * The {@code bridge.tasks.*} settings of the two-way task sync (each key is commented in
 * {@code application.properties}).
 */
public record TaskSettings(String channelsDir, String databaseId, TaskProperties properties, int pushBatchSize,
                           int inboxBatchSize, int maxAttempts, Duration backoff, Duration backoffMax,
                           Duration lockTimeout, int maxBodyBytes, boolean setupMode, String webhookSecret,
                           String automationHeader, String automationSecret, boolean sandboxWebhook) {

    /** The Video Tasks database of the sandbox's demo data. */
    public static final String DEMO_DATABASE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a70";

    public static TaskSettings from(BridgeConfig c) {
        TaskProperties d = TaskProperties.defaults();
        return new TaskSettings(
                c.get("bridge.channels.dir", "channels"),
                c.get("bridge.tasks.database-id", DEMO_DATABASE_ID),
                new TaskProperties(c.get("bridge.tasks.property.title", d.title()),
                        c.get("bridge.tasks.property.channel", d.channel()),
                        c.get("bridge.tasks.property.topic", d.topic()),
                        c.get("bridge.tasks.property.story-direction", d.storyDirection()),
                        c.get("bridge.tasks.property.status", d.status()),
                        c.get("bridge.tasks.property.priority", d.priority())),
                positive(c, "bridge.tasks.push.batch-size", 100),
                positive(c, "bridge.tasks.inbox.batch-size", 50),
                positive(c, "bridge.tasks.inbox.max-attempts", 8),
                Duration.ofMillis(positive(c, "bridge.tasks.inbox.backoff-ms", 2000)),
                Duration.ofMillis(positive(c, "bridge.tasks.inbox.backoff-max-ms", 600_000)),
                Duration.ofSeconds(positive(c, "bridge.tasks.inbox.lock-seconds", 300)),
                positive(c, "bridge.tasks.webhook.max-body-bytes", 1_048_576),
                c.getBoolean("bridge.tasks.webhook.setup-mode", false),
                c.get("bridge.notion.webhook-secret", null),
                c.get("bridge.tasks.automation-secret-header", "X-Bridge-Automation-Secret"),
                c.get("bridge.tasks.automation-secret", null),
                c.getBoolean("bridge.tasks.sandbox-webhook", true));
    }

    private static int positive(BridgeConfig c, String key, int defaultValue) {
        int v = c.getInt(key, defaultValue);
        if (v <= 0) {
            throw new io.notionbridge.config.BridgeException("configuration key '" + key + "' must be above 0, got " + v);
        }
        return v;
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "TaskSettings[database " + databaseId + ", webhook secret " + (webhookSecret == null ? "not set" : "set")
                + ", automation secret " + (automationSecret == null ? "not set" : "set") + ", setup mode " + setupMode + "]";
    }
}
