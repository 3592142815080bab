package io.notionbridge.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.notionbridge.runtime.HttpProblem;
import io.notionbridge.runtime.JsonBody;
import io.notionbridge.tasks.webhook.InboxEvent;
import io.notionbridge.tasks.webhook.WebhookInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' view of the webhook inbox: {@code GET /api/webhooks/inbox?state=parked} (counts per state and the
 * newest events, without their payloads) and {@code POST /api/webhooks/inbox/{id}/replay} (a parked or ignored event
 * goes back to pending with its attempts reset).
 */
public class InboxApi {

    private static final Logger LOG = LoggerFactory.getLogger(InboxApi.class);
    private static final Set<String> STATES = Set.of(InboxEvent.PENDING, InboxEvent.DONE, InboxEvent.IGNORED,
            InboxEvent.PARKED);

    private final WebhookInbox inbox;

    public InboxApi(WebhookInbox inbox) {
        this.inbox = inbox;
    }

    public String list(String state, String limit) {
        String s = state == null || state.isBlank() ? null : state.strip().toLowerCase(java.util.Locale.ROOT);
        if (s != null && !STATES.contains(s)) {
            throw new HttpProblem(400, "invalid_state", "state '" + clip(state) + "' is not pending, done, ignored or parked");
        }
        int n;
        try {
            n = limit == null || limit.isBlank() ? 50 : Integer.parseInt(limit.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "invalid_parameter", "limit '" + clip(limit) + "' is not a whole number ≥ 0");
        }
        List<Map<String, Object>> events = inbox.list(s, n).stream().map(InboxApi::view).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("counts", inbox.countByState());
        body.put("events", events);
        return TaskApi.json(body);
    }

    /** {@code POST /api/webhooks/inbox/{id}/replay}; it takes no body (a JSON object without fields at most). */
    public String replay(String id, String body) {
        JsonBody.onlyFields(JsonBody.object(body, JsonBody.MAX_COMMAND_BYTES), List.of());
        long n;
        try {
            n = Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "invalid_id", "inbox id '" + clip(String.valueOf(id)) + "' is not a number");
        }
        InboxEvent e = inbox.find(n).orElseThrow(() -> new HttpProblem(404, "event_not_found", "no inbox event " + n));
        if (!inbox.replay(n)) {
            throw new HttpProblem(409, "not_replayable", "inbox event " + n + " is " + e.state()
                    + "; only parked or ignored events are replayed");
        }
        LOG.info("Webhook event {} ({}) replayed by an operator: pending again", e.eventId(), e.eventType());
        return TaskApi.json(view(inbox.find(n).orElseThrow()));
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    static Map<String, Object> view(InboxEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("eventId", e.eventId());
        m.put("type", e.eventType());
        m.put("pageId", e.entityId());
        m.put("source", e.source());
        m.put("eventTime", e.eventTime());
        m.put("state", e.state());
        m.put("attempts", e.attempts());
        m.put("nextAttemptAt", e.nextAttemptAt());
        m.put("lastError", e.lastError());
        m.put("result", e.result());
        m.put("receivedAt", e.receivedAt());
        m.put("processedAt", e.processedAt());
        return m;
    }
}
