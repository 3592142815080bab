package io.notionbridge.ops.mcp;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One HTTP request to the MCP endpoint, as the transport sees it: method, headers (any case) and body. */
public record McpHttpRequest(String method, Map<String, String> headers, String body) {

    public McpHttpRequest {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    h.put(k, v);
                }
            });
        }
        headers = h;
        method = method == null ? "" : method.toUpperCase(Locale.ROOT);
    }

    /** The header's value, or null. Header names are case-insensitive. */
    public String header(String name) {
        return headers.get(name);
    }
}
