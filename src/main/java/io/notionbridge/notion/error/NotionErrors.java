package io.notionbridge.notion.error;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.RetryAfter;

/**
 * Turns an HTTP error answer from Notion into the matching {@link NotionApiException} subclass. Reads Notion's error
 * body ({@code object, status, code, message, request_id, additional_data}); tolerates bodies that are not Notion's
 * (an HTML page from Cloudflare, plain text, nothing) by falling back to the status; takes the request id from the body
 * or the {@code x-notion-request-id} header; and reads the wait from {@code Retry-After} (or
 * {@code additional_data.retry_after}). Every 5xx other than 529 (500, 502, 503, 504 and Cloudflare's 52x) means
 * "unavailable".
 */
public final class NotionErrors {

    private static final int SNIPPET = 160;

    private NotionErrors() {
    }

    public static NotionApiException fromResponse(int status, Map<String, List<String>> headers, String body) {
        return fromResponse(null, status, headers, body, Clock.systemUTC());
    }

    /** As {@link #fromResponse(int, Map, String)}, naming the request's endpoint in the message. */
    public static NotionApiException fromResponse(NotionRequest request, int status, Map<String, List<String>> headers,
                                                  String body) {
        return fromResponse(request, status, headers, body, Clock.systemUTC());
    }

    /** Full form; {@code clock} only matters for a {@code Retry-After} given as an HTTP-date. */
    public static NotionApiException fromResponse(NotionRequest request, int status, Map<String, List<String>> headers,
                                                  String body, Clock clock) {
        Map<String, List<String>> h = headers == null ? Map.of() : headers;
        JsonNode json = parse(body);
        String code = text(json, "code");
        String message = text(json, "message");
        String requestId = text(json, "request_id");
        if (requestId == null) {
            requestId = header(h, "x-notion-request-id");
        }
        if (code == null) {
            code = defaultCode(status);
        }
        if (message == null) {
            message = describeForeignBody(body, h);
        }
        ObjectNode additional = json != null && json.path("additional_data").isObject()
                ? (ObjectNode) json.get("additional_data") : null;
        NotionErrorDetails d = new NotionErrorDetails(status, code, message, requestId, additional,
                request == null ? null : request.endpoint());
        return switch (status) {
            case 400 -> new NotionValidationException(d);
            case 401 -> new NotionUnauthorizedException(d);
            case 403 -> new NotionRestrictedResourceException(d);
            case 404 -> new NotionObjectNotFoundException(d);
            case 409 -> new NotionConflictException(d);
            case 429, 529 -> new NotionRateLimitedException(d, retryAfter(h, d, clock));
            default -> status >= 500 ? new NotionUnavailableException(d) : new NotionApiException(d);
        };
    }

    /** The code Notion uses for a status, for answers that carry no Notion body. */
    static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "restricted_resource";
            case 404 -> "object_not_found";
            case 409 -> "conflict_error";
            case 429 -> "rate_limited";
            case 500 -> "internal_server_error";
            case 502 -> "bad_gateway";
            case 503 -> "service_unavailable";
            case 504 -> "gateway_timeout";
            case 529 -> "service_overload";
            default -> "http_" + status;
        };
    }

    private static Duration retryAfter(Map<String, List<String>> headers, NotionErrorDetails d, Clock clock) {
        return RetryAfter.parse(header(headers, "retry-after"), clock)
                .or(() -> d.additional("retry_after").flatMap(v -> RetryAfter.parse(v, clock)))
                .orElse(null);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = NotionJson.MAPPER.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        if (json == null) {
            return null;
        }
        JsonNode v = json.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    /** First value of a header, matched without regard to case. */
    static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static String describeForeignBody(String body, Map<String, List<String>> headers) {
        String text = body == null ? "" : body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        StringBuilder sb = new StringBuilder(text.isEmpty() ? "empty response body"
                : "response body is not a Notion error: "
                + (text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text));
        String ray = header(headers, "cf-ray");
        if (ray != null) {
            sb.append(" (cf-ray ").append(ray).append(')');
        }
        String type = header(headers, "content-type");
        if (type != null && !type.toLowerCase(Locale.ROOT).contains("json")) {
            sb.append(" [").append(type).append(']');
        }
        return sb.toString();
    }
}
