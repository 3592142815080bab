package io.notionbridge.sandbox.admin;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.limit.RateLimitSettings;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.observe.RequestLogEntry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * The admin API's controls (no Notion auth, never rate limited or faulted): {@code GET /_sandbox},
 * {@code /_sandbox/faults}, {@code /_sandbox/rate-limit}, {@code /_sandbox/requests}, {@code /_sandbox/counters},
 * {@code /_sandbox/reset}, {@code /_sandbox/clock}. See {@code docs/sandbox.md}.
 */
public final class AdminControlApi {

    private final NotionSandbox sandbox;

    public AdminControlApi(NotionSandbox sandbox) {
        this.sandbox = sandbox;
    }

    public void register(Router r) {
        r.route(HttpMethod.GET, "/_sandbox").handler(AdminJson.handler((ctx, b) -> info()));
        r.route(HttpMethod.GET, "/_sandbox/faults").handler(AdminJson.handler((ctx, b) -> sandbox.faults().toJson()));
        r.route(HttpMethod.POST, "/_sandbox/faults").handler(AdminJson.handler((ctx, b) -> addFaults(b)));
        r.route(HttpMethod.DELETE, "/_sandbox/faults").handler(AdminJson.handler((ctx, b) -> {
            sandbox.faults().clear();
            return sandbox.faults().toJson();
        }));
        r.route(HttpMethod.DELETE, "/_sandbox/faults/:id").handler(AdminJson.handler((ctx, b) ->
                Json.object().put("removed", sandbox.faults().remove(Long.parseLong(ctx.pathParam("id"))))));
        r.route(HttpMethod.GET, "/_sandbox/rate-limit").handler(AdminJson.handler((ctx, b) -> rateLimit()));
        r.route(HttpMethod.POST, "/_sandbox/rate-limit").handler(AdminJson.handler((ctx, b) -> {
            sandbox.rateLimiter().configure(parseRateLimit(b));
            return rateLimit();
        }));
        r.route(HttpMethod.GET, "/_sandbox/requests").handler(AdminJson.handler((ctx, b) -> {
            long since = Long.parseLong(ctx.request().params().get("since") == null ? "0" : ctx.request().getParam("since"));
            ArrayNode out = Json.array();
            for (RequestLogEntry e : sandbox.requestLog().entries(e -> e.seq() > since)) {
                out.add(e.toJson());
            }
            return out;
        }));
        r.route(HttpMethod.DELETE, "/_sandbox/requests").handler(AdminJson.handler((ctx, b) -> {
            sandbox.requestLog().reset();
            return sandbox.requestLog().countersJson();
        }));
        r.route(HttpMethod.GET, "/_sandbox/counters").handler(AdminJson.handler((ctx, b) -> counters()));
        r.route(HttpMethod.POST, "/_sandbox/reset").handler(AdminJson.handler((ctx, b) -> {
            sandbox.reset(b.path("data").asBoolean(false));
            return counters();
        }));
        r.route(HttpMethod.GET, "/_sandbox/clock").handler(AdminJson.handler((ctx, b) -> clock()));
        r.route(HttpMethod.POST, "/_sandbox/clock").handler(AdminJson.handler((ctx, b) -> {
            if (b.path("freeze").asBoolean(false)) {
                sandbox.clock().freeze();
            }
            if (b.has("set")) {
                sandbox.clock().set(Instant.parse(b.get("set").asText()));
            }
            if (b.has("advance_seconds")) {
                sandbox.clock().advance(Duration.ofMillis((long) (b.get("advance_seconds").asDouble() * 1000)));
            }
            if (b.has("advance")) {
                sandbox.clock().advance(Duration.parse(b.get("advance").asText()));
            }
            if (b.has("freeze") && !b.get("freeze").asBoolean()) {
                sandbox.clock().unfreeze();
            }
            if (b.path("reset").asBoolean(false)) {
                sandbox.clock().reset();
            }
            return clock();
        }));
    }

    private JsonNode addFaults(ObjectNode b) {
        ArrayNode out = Json.array();
        if (b.has("items")) {
            b.get("items").forEach(f -> out.add(sandbox.faults().add(f).toJson()));
        } else {
            out.add(sandbox.faults().add(b).toJson());
        }
        return out;
    }

    /** {@code {"mode":"average","rate":3,"burst":10}}, {@code {"mode":"window","budget":180}}, {@code {"mode":"off"}}. */
    static RateLimitSettings parseRateLimit(ObjectNode b) {
        String mode = b.path("mode").asText("average");
        RateLimitSettings s = switch (mode) {
            case "off" -> RateLimitSettings.off();
            case "average" -> RateLimitSettings.average(b.path("rate").asDouble(3), b.path("burst").asInt(10));
            case "window" -> RateLimitSettings.window(b.path("budget").asInt(180));
            default -> throw new IllegalArgumentException("mode must be off, average or window, got " + mode);
        };
        JsonNode ws = b.path("workspace");
        if (ws.isObject()) {
            s = s.withWorkspaceLimit(ws.path("budget").asInt(0), ws.path("window_seconds").asInt(120));
        }
        return s;
    }

    private ObjectNode rateLimit() {
        RateLimitSettings s = sandbox.rateLimiter().settings();
        ObjectNode o = Json.object();
        o.put("mode", s.mode().name().toLowerCase(java.util.Locale.ROOT));
        o.put("rate", s.ratePerSecond());
        o.put("burst", s.burst());
        o.put("budget", s.windowBudget());
        o.putObject("workspace").put("budget", s.workspaceBudget()).put("window_seconds", s.workspaceWindowSeconds());
        o.put("describe", s.describe());
        o.put("rate_limited", sandbox.rateLimiter().limitedCount());
        return o;
    }

    private ObjectNode counters() {
        ObjectNode c = sandbox.requestLog().countersJson();
        c.put("faults_injected", sandbox.faults().injectedCount());
        c.put("webhook_deliveries", sandbox.webhooks().deliveries().size());
        return c;
    }

    private ObjectNode clock() {
        return Json.object().put("now", sandbox.clock().instant().toString()).put("frozen", sandbox.clock().frozen());
    }

    private ObjectNode info() {
        ObjectNode o = Json.object();
        o.put("base_url", sandbox.baseUrl());
        o.put("token", sandbox.token());
        o.put("versions", "2022-06-28, 2025-09-03, 2026-03-11");
        o.put("pages", sandbox.store().pageCount());
        o.set("rate_limit", rateLimit());
        ArrayNode dbs = o.putArray("demo_databases");
        if (sandbox.options().demoData()) {
            DemoData.DATABASES.forEach(d -> dbs.addObject().put("name", d.name()).put("database_id", d.databaseId())
                    .put("data_source_id", d.dataSourceId()));
        }
        return o;
    }
}
