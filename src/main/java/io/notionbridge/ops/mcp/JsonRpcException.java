package io.notionbridge.ops.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON-RPC error to answer a request with: code, message and optional data. */
public class JsonRpcException extends RuntimeException {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Transport-level refusals (missing session id, bad headers, wrong method, no or wrong token). */
    public static final int TRANSPORT_ERROR = -32000;
    /** The Mcp-Session-Id names no live session. */
    public static final int SESSION_NOT_FOUND = -32001;

    private final int code;
    private final transient JsonNode data;

    public JsonRpcException(int code, String message) {
        this(code, message, null);
    }

    public JsonRpcException(int code, String message, JsonNode data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    public JsonNode data() {
        return data;
    }
}
