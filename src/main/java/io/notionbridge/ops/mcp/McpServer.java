package io.notionbridge.ops.mcp;

import io.notionbridge.ops.BearerToken;
import io.notionbridge.runtime.JsonBody;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP Streamable HTTP transport (revision 2025-06-18) of the bridge, on one endpoint:
 * <ul>
 * <li>{@code POST}: one JSON-RPC message per request (a batch only in a session that negotiated 2025-03-26).
 * A request is answered {@code 200} with one {@code application/json} response (no SSE stream); a notification or a
 * client's response is answered {@code 202} with no body.</li>
 * <li>{@code GET}: {@code 405}, since the server offers no stream of its own messages.</li>
 * <li>{@code DELETE}: ends the session named by {@code Mcp-Session-Id}.</li>
 * </ul>
 * Every request needs {@code Authorization: Bearer <bridge.admin.token>} (401 otherwise); without a configured token
 * the endpoint is off (404). A browser {@code Origin} must be loopback or on the allow-list (403). {@code initialize}
 * opens a session whose id every later request carries (400 when missing, 404 when unknown or ended).
 */
public final class McpServer {

    private static final Logger LOG = LoggerFactory.getLogger(McpServer.class);
    /** Largest message accepted: tool arguments are a few small values. */
    static final int MAX_BODY_CHARS = 1_000_000;
    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final BearerToken token;
    private final OriginPolicy origins;
    private final McpSessions sessions;
    private final McpProtocol protocol;

    public McpServer(BearerToken token, OriginPolicy origins, McpSessions sessions, McpProtocol protocol) {
        this.token = token;
        this.origins = origins;
        this.sessions = sessions;
        this.protocol = protocol;
    }

    public McpHttpResponse handle(McpHttpRequest req) {
        if (!token.configured()) {
            return McpHttpResponse.json(404, "{\"error\":\"not_found\",\"message\":\"the MCP endpoint is off: set "
                    + "BRIDGE_ADMIN_TOKEN to turn it on\"}");
        }
        String origin = req.header("Origin");
        if (!origins.allows(origin)) {
            LOG.warn("MCP request refused: origin {} is not allowed (bridge.mcp.allowed-origins)", origin);
            return transportError(403, "Forbidden: origin " + origin + " is not allowed; add it to bridge.mcp.allowed-origins");
        }
        if (!token.accepts(req.header("Authorization"))) {
            String why = req.header("Authorization") == null ? "send the admin token as Authorization: Bearer <token>"
                    : "the token is wrong";
            return transportError(401, "Unauthorized: " + why).withHeader("WWW-Authenticate",
                    "Bearer realm=\"notion-bridge\"" + (req.header("Authorization") == null ? "" : ", error=\"invalid_token\""));
        }
        return switch (req.method()) {
            case "POST" -> post(req);
            case "DELETE" -> delete(req);
            default -> transportError(405, "Method Not Allowed: POST JSON-RPC messages here (this server offers no "
                    + "SSE stream for GET); DELETE ends a session").withHeader("Allow", "POST, DELETE");
        };
    }

    private McpHttpResponse delete(McpHttpRequest req) {
        String id = req.header(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            return transportError(400, "Bad Request: Mcp-Session-Id header is required");
        }
        if (!sessions.end(id.trim())) {
            return sessionNotFound();
        }
        LOG.info("MCP session ended by the client; {} live", sessions.size());
        return McpHttpResponse.empty(204);
    }

    private McpHttpResponse post(McpHttpRequest req) {
        String type = req.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
            return transportError(415, "Unsupported Media Type: send JSON-RPC messages as Content-Type: application/json");
        }
        if (!acceptsJson(req.header("Accept"))) {
            return transportError(406, "Not Acceptable: this server answers application/json; list it in Accept "
                    + "(with text/event-stream)");
        }
        String body = req.body() == null ? "" : req.body();
        if (body.length() > MAX_BODY_CHARS) {
            return transportError(413, "Payload Too Large: at most " + MAX_BODY_CHARS + " characters per message");
        }
        JsonNode message;
        String why = "the body is empty";
        try {
            message = body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            message = null;
            why = "the body is not valid JSON " + JsonBody.where(e);
        }
        if (message == null || message.isMissingNode()) {
            return McpHttpResponse.json(400, write(error(null, JsonRpcException.PARSE_ERROR, "Parse error: " + why
                    + "; send one JSON-RPC message", null)));
        }
        if (message.isArray()) {
            return batch(req, (ArrayNode) message);
        }
        if (!message.isObject()) {
            return invalidRequest(null, "a JSON-RPC message is a JSON object");
        }
        return single(req, (ObjectNode) message);
    }

    private McpHttpResponse single(McpHttpRequest req, ObjectNode msg) {
        Kind kind;
        try {
            kind = classify(msg);
        } catch (JsonRpcException e) {
            return invalidRequest(validId(msg), e.getMessage());
        }
        if (kind == Kind.REQUEST && "initialize".equals(msg.get("method").asText())) {
            return initialize(msg);
        }
        if (kind == Kind.NOTIFICATION && "initialize".equals(msg.get("method").asText())) {
            return invalidRequest(null, "initialize is a request: give it an id");
        }
        Lookup lookup = session(req);
        if (lookup.refusal != null) {
            return lookup.refusal;
        }
        McpHttpResponse badVersion = checkVersionHeader(req);
        if (badVersion != null) {
            return badVersion;
        }
        if (kind != Kind.REQUEST) {
            notification(msg, lookup.session);
            return McpHttpResponse.empty(202);
        }
        return McpHttpResponse.json(200, write(respond(msg, lookup.session)));
    }

    private McpHttpResponse batch(McpHttpRequest req, ArrayNode batch) {
        if (batch.isEmpty()) {
            return invalidRequest(null, "an empty batch");
        }
        Lookup lookup = session(req);
        if (lookup.refusal != null) {
            return lookup.refusal;
        }
        McpHttpResponse badVersion = checkVersionHeader(req);
        if (badVersion != null) {
            return badVersion;
        }
        if (!"2025-03-26".equals(lookup.session.protocolVersion())) {
            return invalidRequest(null, "JSON-RPC batches are not part of MCP " + lookup.session.protocolVersion()
                    + "; send one message per POST");
        }
        ArrayNode answers = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : batch) {
            if (!(item instanceof ObjectNode msg)) {
                answers.add(error(null, JsonRpcException.INVALID_REQUEST, "Invalid Request: a JSON-RPC message is a JSON object", null));
                continue;
            }
            Kind kind;
            try {
                kind = classify(msg);
            } catch (JsonRpcException e) {
                answers.add(error(validId(msg), JsonRpcException.INVALID_REQUEST, "Invalid Request: " + e.getMessage(), null));
                continue;
            }
            if (kind == Kind.REQUEST) {
                answers.add(respond(msg, lookup.session));
            } else {
                notification(msg, lookup.session);
            }
        }
        return answers.isEmpty() ? McpHttpResponse.empty(202) : McpHttpResponse.json(200, write(answers));
    }

    private McpHttpResponse initialize(ObjectNode msg) {
        JsonNode id = msg.get("id");
        McpProtocol.Initialized init;
        try {
            init = protocol.initialize(msg.get("params"));
        } catch (JsonRpcException e) {
            return McpHttpResponse.json(200, write(error(id, e.code(), e.getMessage(), e.data())));
        }
        McpSessions.Session s = sessions.create(init.protocolVersion(), init.client());
        LOG.info("MCP session started by {} (protocol {}); {} live", init.client(), init.protocolVersion(), sessions.size());
        return McpHttpResponse.json(200, write(success(id, init.result()))).withHeader(SESSION_HEADER, s.id());
    }

    private void notification(ObjectNode msg, McpSessions.Session session) {
        JsonNode method = msg.get("method");
        if (method != null && "notifications/initialized".equals(method.asText())) {
            session.markInitialized();
        }
        // other notifications (cancelled, progress, roots) and responses need nothing from this server
    }

    private ObjectNode respond(ObjectNode msg, McpSessions.Session session) {
        JsonNode id = msg.get("id");
        String method = msg.get("method").asText();
        JsonNode params = msg.get("params");
        try {
            if (params != null && params.isArray()) {
                throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "params must be an object (named parameters)");
            }
            if ("tools/call".equals(method)) {
                LOG.info("MCP tools/call {} by {}", params == null ? null : params.path("name").asText(null), session.client());
            }
            return success(id, protocol.dispatch(method, params));
        } catch (JsonRpcException e) {
            return error(id, e.code(), e.getMessage(), e.data());
        } catch (RuntimeException e) {
            LOG.error("MCP {} failed: {}", method, e.toString(), e);
            return error(id, JsonRpcException.INTERNAL_ERROR, "Internal error: " + method + " failed inside the bridge; see "
                    + "its log", null);
        }
    }

    private enum Kind { REQUEST, NOTIFICATION, RESPONSE }

    /** What a message is; throws when it is not a valid JSON-RPC 2.0 message. */
    static Kind classify(ObjectNode msg) {
        JsonNode version = msg.get("jsonrpc");
        if (version == null || !version.isTextual() || !"2.0".equals(version.asText())) {
            throw new JsonRpcException(JsonRpcException.INVALID_REQUEST, "jsonrpc must be \"2.0\"");
        }
        JsonNode params = msg.get("params");
        if (params != null && !params.isObject() && !params.isArray()) {
            throw new JsonRpcException(JsonRpcException.INVALID_REQUEST, "params must be an object");
        }
        if (msg.has("method")) {
            if (!msg.get("method").isTextual() || msg.get("method").asText().isEmpty()) {
                throw new JsonRpcException(JsonRpcException.INVALID_REQUEST, "method must be a non-empty string");
            }
            if (!msg.has("id")) {
                return Kind.NOTIFICATION;
            }
            if (validId(msg) == null) {
                throw new JsonRpcException(JsonRpcException.INVALID_REQUEST, "id must be a string or an integer (not null)");
            }
            return Kind.REQUEST;
        }
        if (msg.has("id") && (msg.has("result") || msg.has("error"))) {
            return Kind.RESPONSE;
        }
        throw new JsonRpcException(JsonRpcException.INVALID_REQUEST, "a message needs a method (request, notification) "
                + "or a result/error (response)");
    }

    /** The message's id when it is one MCP allows (a string or an integer), else null. */
    static JsonNode validId(ObjectNode msg) {
        JsonNode id = msg.get("id");
        return id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
    }

    private record Lookup(McpSessions.Session session, McpHttpResponse refusal) {
    }

    private Lookup session(McpHttpRequest req) {
        String id = req.header(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            return new Lookup(null, transportError(400, "Bad Request: Mcp-Session-Id header is required (send initialize "
                    + "first and then its session id with every request)"));
        }
        Optional<McpSessions.Session> s = sessions.find(id.trim());
        return s.map(session -> new Lookup(session, null)).orElseGet(() -> new Lookup(null, sessionNotFound()));
    }

    private McpHttpResponse checkVersionHeader(McpHttpRequest req) {
        String v = req.header(VERSION_HEADER);
        if (v != null && !McpProtocol.SUPPORTED.contains(v.trim())) {
            return transportError(400, "Bad Request: unsupported MCP-Protocol-Version " + v.trim() + " (supported: "
                    + String.join(", ", McpProtocol.SUPPORTED) + ")");
        }
        return null;
    }

    /** True when the client takes JSON: no Accept header, or one listing application/json, application/* or * / *. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String part : accept.split(",")) {
            String range = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (range.equals("application/json") || range.equals("application/*") || range.equals("*/*")) {
                return true;
            }
        }
        return false;
    }

    private McpHttpResponse sessionNotFound() {
        return McpHttpResponse.json(404, write(error(null, JsonRpcException.SESSION_NOT_FOUND,
                "Session not found: it ended or expired; send initialize to start a new one", null)));
    }

    private McpHttpResponse invalidRequest(JsonNode id, String why) {
        return McpHttpResponse.json(400, write(error(id, JsonRpcException.INVALID_REQUEST, "Invalid Request: " + why, null)));
    }

    private McpHttpResponse transportError(int status, String message) {
        return McpHttpResponse.json(status, write(error(null, JsonRpcException.TRANSPORT_ERROR, message, null)));
    }

    static ObjectNode success(JsonNode id, JsonNode result) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("jsonrpc", "2.0");
        r.set("id", id);
        r.set("result", result);
        return r;
    }

    static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("jsonrpc", "2.0");
        r.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        ObjectNode e = r.putObject("error");
        e.put("code", code);
        e.put("message", message);
        if (data != null) {
            e.set("data", data);
        }
        return r;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON-RPC message", e);
        }
    }
}
