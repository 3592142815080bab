package io.notionbridge.ops.mcp;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The MCP methods the bridge answers, independent of HTTP: {@code initialize} (version negotiation), {@code ping},
 * {@code tools/list} and {@code tools/call}. Any other method is -32601; the server declares only the tools
 * capability, so clients do not ask for resources, prompts or logging.
 */
public final class McpProtocol {

    /** The revision this server implements, and answers with when a client asks for one it does not know. */
    public static final String LATEST = "2025-06-18";
    /** Revisions a client may negotiate: 2025-03-26 differs from 2025-06-18 here only in allowing batches. */
    public static final List<String> SUPPORTED = List.of("2025-06-18", "2025-03-26");

    /** What {@code initialize} agreed on: the revision, who the client is, and the result to send. */
    public record Initialized(String protocolVersion, String client, ObjectNode result) {
    }

    private final McpTools tools;
    private final String serverVersion;

    public McpProtocol(McpTools tools, String serverVersion) {
        this.tools = tools;
        this.serverVersion = serverVersion;
    }

    /** Answers {@code initialize}: the requested revision when supported, else {@link #LATEST}. */
    public Initialized initialize(JsonNode params) {
        if (params == null || !params.isObject()) {
            throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "initialize needs params {protocolVersion, capabilities, clientInfo}");
        }
        JsonNode requested = params.get("protocolVersion");
        if (requested == null || !requested.isTextual() || requested.asText().isBlank()) {
            throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "initialize: params.protocolVersion must be a string such as \""
                    + LATEST + "\"");
        }
        String version = SUPPORTED.contains(requested.asText()) ? requested.asText() : LATEST;
        JsonNode info = params.path("clientInfo");
        String client = info.path("name").asText("unknown client")
                + (info.hasNonNull("version") ? " " + info.get("version").asText() : "");
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("protocolVersion", version);
        result.putObject("capabilities").putObject("tools").put("listChanged", false);
        ObjectNode server = result.putObject("serverInfo");
        server.put("name", "notion-bridge");
        server.put("title", "Notion Bridge");
        server.put("version", serverVersion);
        result.put("instructions", "Notion Bridge connects a team's systems to Notion. Its tools run the bridge's jobs "
                + "now (each also runs on its own schedule): sync-suppression-cache, push-batch and sync-warehouse; pass "
                + "dry_run: true to see what a run would do without writing anything. stats tells how the jobs have run.");
        return new Initialized(version, client, result);
    }

    /** The result of a request other than {@code initialize}. */
    public JsonNode dispatch(String method, JsonNode params) {
        switch (method) {
            case "ping":
                return JsonNodeFactory.instance.objectNode();
            case "tools/list": {
                ObjectNode r = JsonNodeFactory.instance.objectNode();
                r.set("tools", tools.list());
                return r;
            }
            case "tools/call": {
                if (params == null || !params.isObject()) {
                    throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "tools/call needs params {name, arguments}");
                }
                JsonNode name = params.get("name");
                if (name == null || !name.isTextual()) {
                    throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "tools/call: params.name must be a tool name");
                }
                return tools.call(name.asText(), params.get("arguments"));
            }
            case "initialize":
                throw new JsonRpcException(JsonRpcException.INVALID_REQUEST, "initialize must be sent alone, without a session");
            default:
                throw new JsonRpcException(JsonRpcException.METHOD_NOT_FOUND, "Method not found: " + method);
        }
    }
}
