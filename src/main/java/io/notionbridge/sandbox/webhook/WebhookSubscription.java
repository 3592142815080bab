package io.notionbridge.sandbox.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.Json;

/** The active webhook subscription: its id (in every event's {@code subscription_id}) and its options. */
public record WebhookSubscription(String id, WebhookOptions options) {

    /** The subscription as the admin API shows it (the verification token included: it is the sandbox's own). */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("subscription_id", id);
        o.put("url", options.url());
        o.put("verification_token", options.verificationToken());
        o.put("api_version", options.apiVersion());
        o.put("max_attempts", options.maxAttempts());
        o.put("retry_base_delay_ms", options.retryBaseDelay().toMillis());
        o.put("duplicate_probability", options.duplicateProbability());
        o.put("reorder_batch", options.reorderBatch());
        o.put("reorder_hold_ms", options.reorderHold().toMillis());
        return o;
    }
}
