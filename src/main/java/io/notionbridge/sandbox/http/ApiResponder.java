package io.notionbridge.sandbox.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.Json;
import io.vertx.ext.web.RoutingContext;

/** Writes Notion responses: JSON bodies carrying {@code request_id}, error bodies and their headers. */
public final class ApiResponder {

    public static final String REQUEST_ID = "sandbox.requestId";
    public static final String ERROR_CODE = "sandbox.errorCode";

    private ApiResponder() {
    }

    public static void ok(RoutingContext ctx, ObjectNode body) {
        body.put("request_id", (String) ctx.get(REQUEST_ID));
        send(ctx, 200, body);
    }

    /** Notion's error body: object, status, code, message, additional_data (when any), request_id. */
    public static void error(RoutingContext ctx, ApiError e) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ObjectNode body = Json.object();
        body.put("object", "error");
        body.put("status", e.status());
        body.put("code", e.code());
        body.put("message", e.getMessage());
        if (!e.additionalData().isEmpty()) {
            ObjectNode data = body.putObject("additional_data");
            for (Map.Entry<String, Object> d : e.additionalData().entrySet()) {
                if (d.getValue() instanceof List<?> list) {
                    ArrayNode arr = data.putArray(d.getKey());
                    list.forEach(v -> arr.add(String.valueOf(v)));
                } else {
                    data.put(d.getKey(), String.valueOf(d.getValue()));
                }
            }
        }
        body.put("request_id", (String) ctx.get(REQUEST_ID));
        if (e.retryAfterSeconds() != null) {
            ctx.response().putHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        ctx.put(ERROR_CODE, e.code());
        send(ctx, e.status(), body);
    }

    static void send(RoutingContext ctx, int status, ObjectNode body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Json.write(body));
    }
}
