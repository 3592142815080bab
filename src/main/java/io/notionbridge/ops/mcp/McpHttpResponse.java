package io.notionbridge.ops.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP answer of the MCP endpoint: status, headers to set, and a JSON body (null for none). */
public record McpHttpResponse(int status, Map<String, String> headers, String body) {

    public McpHttpResponse {
        headers = Map.copyOf(headers);
    }

    static McpHttpResponse json(int status, String body) {
        return new McpHttpResponse(status, Map.of("Content-Type", "application/json"), body);
    }

    static McpHttpResponse empty(int status) {
        return new McpHttpResponse(status, Map.of(), null);
    }

    McpHttpResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new McpHttpResponse(status, h, body);
    }
}
