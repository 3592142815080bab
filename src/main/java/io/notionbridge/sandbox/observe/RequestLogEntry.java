package io.notionbridge.sandbox.observe;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.Json;

/**
 * One answered {@code /v1} request: when it was answered (wall clock), when it arrived by the sandbox's own clock
 * ({@code sandboxTime}, which tests freeze and advance), method, path, the endpoint it matched (e.g.
 * {@code PATCH /v1/pages/{id}}), the status and Notion error code, how long it took, and the fault injected if any
 * ({@code drop}, {@code status 503}, {@code committed_then_503}).
 */
public record RequestLogEntry(long seq, Instant at, Instant sandboxTime, String requestId, String method, String path,
                              String endpoint, int status, String code, long durationMs, String fault) {

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("seq", seq);
        o.put("time", at.toString());
        o.put("sandbox_time", sandboxTime == null ? null : sandboxTime.toString());
        o.put("request_id", requestId);
        o.put("method", method);
        o.put("path", path);
        o.put("endpoint", endpoint);
        o.put("status", status);
        o.put("code", code);
        o.put("duration_ms", durationMs);
        o.put("fault", fault);
        return o;
    }
}
