package io.notionbridge.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.Json;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON in and out for the admin API; a bad request answers 400 {@code {"error":"…"}}. */
final class AdminJson {

    private static final Logger LOG = LoggerFactory.getLogger(AdminJson.class);

    /** An admin call: reads the body, returns the answer. */
    @FunctionalInterface
    interface Call {
        JsonNode handle(RoutingContext ctx, ObjectNode body) throws Exception;
    }

    private AdminJson() {
    }

    static io.vertx.core.Handler<RoutingContext> handler(Call call) {
        return ctx -> {
            try {
                ObjectNode body = body(ctx);
                send(ctx, 200, call.handle(ctx, body));
            } catch (ApiError e) {
                ObjectNode err = Json.object().put("error", e.getMessage()).put("code", e.code());
                send(ctx, e.status(), err);
            } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException
                     | java.time.format.DateTimeParseException e) {
                send(ctx, 400, Json.object().put("error", e.getMessage()));
            } catch (Exception e) {
                LOG.warn("sandbox admin call {} failed", ctx.request().path(), e);
                send(ctx, 500, Json.object().put("error", e.toString()));
            }
        };
    }

    private static ObjectNode body(RoutingContext ctx) throws com.fasterxml.jackson.core.JsonProcessingException {
        String raw = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        if (raw == null || raw.isBlank()) {
            return Json.object();
        }
        JsonNode n = Json.parse(raw);
        if (n.isArray()) {
            ObjectNode wrapper = Json.object();
            wrapper.set("items", n);
            return wrapper;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return (ObjectNode) n;
    }

    static void send(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Json.write(body == null ? Json.object() : body));
    }
}
