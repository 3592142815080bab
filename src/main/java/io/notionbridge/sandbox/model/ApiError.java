package io.notionbridge.sandbox.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Notion error response: HTTP status, Notion's {@code code} and a message in Notion's style, optionally with
 * {@code additional_data} and a {@code Retry-After}. Thrown anywhere in request handling; the server turns it into
 * Notion's error body.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> additionalData;
    private final Integer retryAfterSeconds;

    public ApiError(int status, String code, String message, Map<String, Object> additionalData, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.additionalData = additionalData == null ? Map.of() : new LinkedHashMap<>(additionalData);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiError(int status, String code, String message) {
        this(status, code, message, null, null);
    }

    public static ApiError validation(String message) {
        return new ApiError(400, "validation_error", message);
    }

    /** {@code body failed validation: body.<path> should be <expected>, instead was `<actual>`.} */
    public static ApiError bodyValidation(String path, String expected, String actual) {
        return validation("body failed validation: body." + path + " should be " + expected + ", instead was `"
                + actual + "`.");
    }

    public static ApiError invalidJson() {
        return new ApiError(400, "invalid_json", "Error parsing JSON body.");
    }

    public static ApiError invalidRequestUrl() {
        return new ApiError(400, "invalid_request_url", "Invalid request URL.");
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "API token is invalid.");
    }

    public static ApiError notFound(String kind, String id, String integrationName, String integrationId) {
        return new ApiError(404, "object_not_found", "Could not find " + kind + " with ID: " + id
                + ". Make sure the relevant pages and databases are shared with your integration \"" + integrationName
                + "\".", data("integration_id", integrationId), null);
    }

    /** An ordered {@code additional_data} map from key, value pairs. */
    public static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> additionalData() {
        return additionalData;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
