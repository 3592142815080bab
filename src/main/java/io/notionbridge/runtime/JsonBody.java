package io.notionbridge.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading the small JSON object bodies of the command endpoints (task API, admin API): a size limit (413), strict
 * parsing with the parser's location in the message (400 {@code invalid_json}: trailing tokens and duplicate keys are
 * errors too), an object and nothing else (400 {@code invalid_request}), and only the fields the endpoint knows (400
 * {@code unknown_field}). Plain Java; the answers are {@link HttpProblem}s.
 */
public final class JsonBody {

    /** Largest body of a command endpoint: its fields are a few short values. */
    public static final int MAX_COMMAND_BYTES = 65_536;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBody() {
    }

    /**
     * The body as a JSON object; an absent or blank body is an empty object.
     *
     * @throws HttpProblem 413 {@code payload_too_large}, 400 {@code invalid_json} or 400 {@code invalid_request}
     */
    public static ObjectNode object(String body, int maxBytes) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        int size = body.length() > maxBytes ? body.length() : body.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            throw new HttpProblem(413, "payload_too_large", String.format(Locale.ROOT,
                    "the request body is %,d bytes; at most %,d are accepted here", size, maxBytes));
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "invalid_json", "the request body is not valid JSON " + where(e));
        } catch (IOException e) {
            throw new HttpProblem(400, "invalid_json", "the request body cannot be read as JSON: " + e.getMessage());
        }
        if (!(json instanceof ObjectNode o)) {
            throw new HttpProblem(400, "invalid_request", "the request body must be a JSON object, got " + kind(json));
        }
        return o;
    }

    /** Throws 400 {@code unknown_field} naming every field of {@code json} that is not in {@code allowed}. */
    public static void onlyFields(JsonNode json, Collection<String> allowed) {
        List<String> unknown = new ArrayList<>();
        json.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                unknown.add("'" + clip(f) + "'");
            }
        });
        if (!unknown.isEmpty()) {
            throw new HttpProblem(400, "unknown_field", (unknown.size() == 1 ? "unknown field " : "unknown fields ")
                    + String.join(", ", unknown) + "; the fields here are: "
                    + (allowed.isEmpty() ? "none (send no body)" : String.join(", ", allowed)));
        }
    }

    /**
     * Where and why parsing failed, for a message: {@code at line 1, column 12: Unexpected end-of-input ...} (the
     * first line of the parser's own message).
     */
    public static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return (at == null ? "" : "at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + clip(why);
    }

    /** What a JSON value is, for a message: {@code a string}, {@code a number}, {@code an array}, {@code null}... */
    public static String kind(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return v.isArray() ? "an array" : "an object";
    }

    static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }
}
