package io.notionbridge.tasks.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.runtime.HttpProblem;
import io.notionbridge.runtime.JsonBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code POST /webhook/notion}: decides what a request is, from its raw bytes and headers, and what to answer. Only
 * checks and one insert happen here, never a Notion call, so Notion gets its answer fast.
 * <ul>
 *   <li>larger than {@code bridge.tasks.webhook.max-body-bytes}: 413;</li>
 *   <li>with {@code X-Notion-Signature}: the signature is checked over the raw bytes first (wrong: 401), then the JSON
 *       is read (malformed: 400); an event of a type the task sync handles goes into the inbox; any other type is
 *       answered 200 and ignored with a log line;</li>
 *   <li>with the automation secret header: a database automation "Send webhook" payload (a whole page in
 *       {@code data}, unsigned); the header must equal {@code BRIDGE_AUTOMATION_SECRET} (constant-time), else 401;</li>
 *   <li>otherwise: a body holding only {@code verification_token} is the verification handshake (200; see
 *       {@link WebhookSecretStore} for when the token is stored); malformed JSON is 400; anything else 401.</li>
 * </ul>
 * An event already in the inbox (a repeated delivery) is answered 200 and not processed again.
 */
public class WebhookIntake {

    /** The event types the task sync processes; others are answered 200 and ignored. */
    public static final Set<String> TASK_EVENT_TYPES = Set.of("page.created", "page.properties_updated", "page.moved",
            "page.deleted", "page.undeleted");
    public static final String CORRELATION_KEY = "bridge.correlationId";

    /** What a request turned out to be. */
    public sealed interface Received permits Verification, Event, Ignored {
    }

    /** The verification handshake with its token. */
    public record Verification(String token) implements Received {
    }

    /** An event for the inbox. */
    public record Event(IncomingEvent event) implements Received {
    }

    /** A well-formed, authentic event the task sync has no use for. */
    public record Ignored(String eventId, String eventType, String reason) implements Received {
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Notion id: a UUID, with or without its dashes. */
    static final Pattern NOTION_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private final WebhookSecretStore secrets;
    private final WebhookInbox inbox;
    private final int maxBodyBytes;
    private final String automationHeader;
    private final byte[] automationSecret;

    public WebhookIntake(WebhookSecretStore secrets, WebhookInbox inbox, int maxBodyBytes, String automationHeader,
                         String automationSecret) {
        this.secrets = secrets;
        this.inbox = inbox;
        this.maxBodyBytes = maxBodyBytes;
        this.automationHeader = automationHeader;
        this.automationSecret = automationSecret == null || automationSecret.isBlank() ? null
                : automationSecret.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** Handles one request: answers with a small JSON body, or throws the {@link HttpProblem} to answer. */
    public String receive(byte[] body, Map<String, Object> headers) {
        Received received = classify(body, header(headers, WebhookSignature.HEADER), header(headers, automationHeader));
        if (received instanceof Verification v) {
            return verification(v.token());
        }
        if (received instanceof Ignored i) {
            try (MDC.MDCCloseable corr = MDC.putCloseable(CORRELATION_KEY, i.eventId())) {
                LOG.info("Webhook event {} of type {} ignored: {}", i.eventId(), i.eventType(), i.reason());
            }
            return "{\"status\":\"ignored\",\"event_id\":" + quote(i.eventId()) + "}";
        }
        IncomingEvent e = ((Event) received).event();
        boolean inserted = inbox.insert(e);
        if (!inserted) {
            try (MDC.MDCCloseable corr = MDC.putCloseable(CORRELATION_KEY, e.eventId())) {
                LOG.info("Webhook event {} ({}) delivered again; already in the inbox, not processed twice", e.eventId(),
                        e.eventType());
            }
            return "{\"status\":\"duplicate\",\"event_id\":" + quote(e.eventId()) + "}";
        }
        return "{\"status\":\"accepted\",\"event_id\":" + quote(e.eventId()) + "}";
    }

    /**
     * What the request is, checked in this order: size, signature (when signed), JSON, shape.
     *
     * @param signature       the {@code X-Notion-Signature} header, or null
     * @param automationValue the automation secret header, or null
     * @throws HttpProblem 413, 401 or 400
     */
    public Received classify(byte[] body, String signature, String automationValue) {
        if (body == null || body.length == 0) {
            throw new HttpProblem(400, "empty_body", "the request has no body");
        }
        if (body.length > maxBodyBytes) {
            throw new HttpProblem(413, "payload_too_large", "the body has " + body.length + " bytes; at most "
                    + maxBodyBytes + " are accepted (bridge.tasks.webhook.max-body-bytes)");
        }
        if (signature != null) {
            String refusal = signatureRefusal(body, signature);
            if (refusal == null) {
                JsonNode json = parse(body);
                return isVerification(json) ? new Verification(json.get("verification_token").asText()) : event(json, body);
            }
            // the handshake may come signed with its own, still unknown, token: it is answered all the same
            JsonNode json = parseOrNull(body);
            if (json != null && isVerification(json)) {
                return new Verification(json.get("verification_token").asText());
            }
            LOG.warn("Webhook request refused (401): {}", refusal);
            throw new HttpProblem(401, refusal.startsWith("no webhook secret") ? "no_webhook_secret" : "invalid_signature",
                    refusal);
        }
        if (automationValue != null) {
            checkAutomationSecret(automationValue);
            return automation(parse(body), body);
        }
        JsonNode json = parse(body);
        if (isVerification(json)) {
            return new Verification(json.get("verification_token").asText());
        }
        LOG.warn("Webhook request refused (401): no {} header", WebhookSignature.HEADER);
        throw new HttpProblem(401, "missing_signature", "the request has no " + WebhookSignature.HEADER + " header");
    }

    private static boolean isVerification(JsonNode json) {
        return json.isObject() && json.size() == 1 && json.path("verification_token").isTextual();
    }

    private String verification(String token) {
        WebhookSecretStore.Handshake outcome = secrets.onVerificationToken(token);
        if (outcome == WebhookSecretStore.Handshake.STORED) {
            LOG.warn("Notion webhook verification request received: token {}; {}. Paste the token into Notion's Verify "
                    + "dialog (read it from the store: SELECT secret FROM webhook_secrets WHERE name = 'notion'), then "
                    + "turn setup mode off", WebhookSecretStore.redact(token), outcome.description());
        } else {
            LOG.info("Notion webhook verification request received: token {}; {}", WebhookSecretStore.redact(token),
                    outcome.description());
        }
        return "{\"status\":\"verification_received\"}";
    }

    /** Null when {@code header} signs {@code body} with the active secret; otherwise why not. */
    private String signatureRefusal(byte[] body, String header) {
        WebhookSignature signature = secrets.signature().orElse(null);
        if (signature != null && signature.verify(body, header)) {
            return null;
        }
        // another instance sharing the store may have stored the secret of a handshake it received
        if (secrets.reloadIfStale()) {
            WebhookSignature reloaded = secrets.signature().orElse(null);
            if (reloaded != null && reloaded.verify(body, header)) {
                return null;
            }
            signature = reloaded;
        }
        if (signature == null) {
            return "no webhook secret to verify " + WebhookSignature.HEADER + " with (set NOTION_WEBHOOK_SECRET, or "
                    + "turn on bridge.tasks.webhook.setup-mode for the verification request)";
        }
        return WebhookSignature.HEADER + " does not match the request body";
    }

    private void checkAutomationSecret(String value) {
        if (automationSecret == null) {
            LOG.warn("Webhook request refused (401): automation payloads are off (set BRIDGE_AUTOMATION_SECRET)");
            throw new HttpProblem(401, "automation_not_enabled",
                    "automation payloads are not accepted: no automation secret is configured");
        }
        if (!MessageDigest.isEqual(automationSecret, value.strip().getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("Webhook request refused (401): wrong {} header", automationHeader);
            throw new HttpProblem(401, "invalid_automation_secret", automationHeader + " is not the configured secret");
        }
    }

    private static Received event(JsonNode json, byte[] body) {
        String id = text(json.get("id"));
        String type = text(json.get("type"));
        if (!json.isObject() || id == null || type == null) {
            throw new HttpProblem(400, "invalid_event", "a webhook event needs an id and a type");
        }
        if (id.length() > 100) {
            throw new HttpProblem(400, "invalid_event", "the event id is longer than 100 characters");
        }
        if (!TASK_EVENT_TYPES.contains(type)) {
            return new Ignored(id, type, "not an event type the task sync handles");
        }
        String entity = text(json.path("entity").get("id"));
        if (entity == null) {
            throw new HttpProblem(400, "invalid_event", "a page event needs entity.id");
        }
        if (!NOTION_ID.matcher(entity).matches()) {
            throw new HttpProblem(400, "invalid_event", "entity.id is not a Notion page id (a UUID)");
        }
        return new Event(new IncomingEvent(id, type, entity, time(json.get("timestamp"), "timestamp"),
                new String(body, StandardCharsets.UTF_8), IncomingEvent.NOTION));
    }

    private static Received automation(JsonNode json, byte[] body) {
        JsonNode source = json.path("source");
        JsonNode data = json.path("data");
        String eventId = text(source.get("event_id"));
        String pageId = text(data.get("id"));
        if (!"automation".equals(text(source.get("type"))) || eventId == null || !"page".equals(text(data.get("object")))
                || pageId == null) {
            throw new HttpProblem(400, "invalid_automation_payload",
                    "an automation payload needs source.type automation, source.event_id and a page in data");
        }
        if (!NOTION_ID.matcher(pageId).matches()) {
            throw new HttpProblem(400, "invalid_automation_payload", "data.id is not a Notion page id (a UUID)");
        }
        String id = "automation:" + eventId;
        if (id.length() > 100) {
            throw new HttpProblem(400, "invalid_automation_payload", "source.event_id is longer than 88 characters");
        }
        return new Event(new IncomingEvent(id, IncomingEvent.AUTOMATION_TYPE, pageId,
                time(data.get("last_edited_time"), "data.last_edited_time"), new String(body, StandardCharsets.UTF_8),
                IncomingEvent.AUTOMATION));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new HttpProblem(400, "invalid_json", "the body is not JSON");
            }
            return json;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HttpProblem(400, "invalid_json", "the body is not valid JSON " + JsonBody.where(e));
        } catch (IOException e) {
            throw new HttpProblem(400, "invalid_json", "the body is not valid JSON");
        }
    }

    private static JsonNode parseOrNull(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Instant time(JsonNode node, String field) {
        String t = text(node);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new HttpProblem(400, "invalid_event", field + " is not an ISO-8601 time: " + t);
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static String header(Map<String, Object> headers, String name) {
        Object v = headers == null ? null : headers.get(name);
        if (v instanceof java.util.List<?> list) {
            v = list.isEmpty() ? null : list.get(0);
        }
        return v == null ? null : v.toString();
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
