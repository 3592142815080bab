package io.notionbridge.sandbox.webhook;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.Json;

/** One POST the sandbox made to the webhook URL and how the receiver answered (status 0: no answer). */
public record WebhookDelivery(Instant at, String eventId, String type, int attempt, int status, String error) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("time", at.toString());
        o.put("event_id", eventId);
        o.put("type", type);
        o.put("attempt_number", attempt);
        o.put("status", status);
        o.put("error", error);
        return o;
    }
}
