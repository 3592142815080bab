package io.notionbridge.sandbox.write;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.sandbox.model.ApiError;

/**
 * Notion's request size limits: text content and link URLs at most 2000 characters, equations 1000, any URL 2000,
 * emails and phone numbers 200, any array 100 elements, the whole body 500 KB. A request over a limit gets 400
 * {@code validation_error} with a message naming the path, e.g.
 * {@code body failed validation: body.properties.Notes.rich_text[0].text.content.length should be ≤ 2000, instead was 2001.}
 */
public final class RequestLimits {

    public static final int MAX_BODY_BYTES = 500 * 1024;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_URL = 2000;
    public static final int MAX_EQUATION = 1000;
    public static final int MAX_EMAIL_OR_PHONE = 200;
    public static final int MAX_ARRAY = 100;

    private RequestLimits() {
    }

    /** Checks the raw body size; call before parsing. */
    public static void checkBodySize(int bytes) {
        if (bytes > MAX_BODY_BYTES) {
            throw ApiError.validation("body failed validation: body.length should be ≤ " + MAX_BODY_BYTES
                    + " bytes (500KB), instead was " + bytes + ".");
        }
    }

    /** Walks the parsed body and fails on the first value over a limit. */
    public static void check(JsonNode body) {
        walk(body, "body", null);
    }

    private static void walk(JsonNode node, String path, String key) {
        if (node.isArray()) {
            if (node.size() > MAX_ARRAY) {
                throw tooLong(path, MAX_ARRAY, node.size());
            }
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", null);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode child = e.getValue();
                String childPath = path + "." + e.getKey();
                if (child.isTextual()) {
                    checkText(key, e.getKey(), child.asText(), childPath);
                } else {
                    walk(child, childPath, e.getKey());
                }
            }
        }
    }

    private static void checkText(String parentKey, String key, String value, String path) {
        int len = value.length();
        int limit = switch (key) {
            case "content" -> "text".equals(parentKey) ? MAX_TEXT : Integer.MAX_VALUE;
            case "url" -> MAX_URL;
            case "expression" -> "equation".equals(parentKey) ? MAX_EQUATION : Integer.MAX_VALUE;
            case "email", "phone_number" -> MAX_EMAIL_OR_PHONE;
            default -> Integer.MAX_VALUE;
        };
        if (len > limit) {
            throw tooLong(path, limit, len);
        }
    }

    private static ApiError tooLong(String path, int limit, int actual) {
        return ApiError.validation("body failed validation: " + path + ".length should be ≤ " + limit + ", instead was "
                + actual + ".");
    }
}
