package io.notionbridge.notion.error;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * What Notion (or the network) said about a failed call: HTTP status ({@code 0} when no answer arrived or the check
 * ran on the client), Notion's {@code code}, its {@code message}, the {@code request_id}, {@code additional_data}
 * and the endpoint ({@code "GET /v1/pages/…"}) when known.
 */
public record NotionErrorDetails(int status, String code, String message, String requestId, ObjectNode additionalData,
                                 String endpoint) implements Serializable {

    public NotionErrorDetails {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
        additionalData = additionalData == null ? NotionJson.object() : additionalData.deepCopy();
    }

    /** Details for a failure found before or without an HTTP answer (client-side check, timeout, reset). */
    public static NotionErrorDetails local(String code, String message, String endpoint) {
        return new NotionErrorDetails(0, code, message, null, null, endpoint);
    }

    public NotionErrorDetails withEndpoint(String newEndpoint) {
        return new NotionErrorDetails(status, code, message, requestId, additionalData, newEndpoint);
    }

    /** A value of {@code additional_data}: a string, or the items of a string array joined with "; ". */
    public Optional<String> additional(String key) {
        JsonNode v = additionalData.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isArray()) {
            return Optional.of(StreamSupport.stream(v.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining("; ")));
        }
        return Optional.of(v.isValueNode() ? v.asText() : v.toString());
    }

    /**
     * The one-line description used as the exception message, e.g.
     * {@code Notion 404 object_not_found on GET /v1/pages/x: Could not find page… (request_id 55e8…)}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder("Notion ");
        sb.append(status == 0 ? "call failed" : String.valueOf(status)).append(' ').append(code);
        if (endpoint != null) {
            sb.append(" on ").append(endpoint);
        }
        if (!message.isEmpty()) {
            sb.append(": ").append(message);
        }
        sb.append(requestId == null ? " (no request_id)" : " (request_id " + requestId + ")");
        return sb.toString();
    }
}
