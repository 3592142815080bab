package io.notionbridge.sandbox.http;

import java.time.Instant;
import java.util.Optional;

import io.notionbridge.sandbox.fault.FaultPlan;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.NotionVersion;
import io.notionbridge.sandbox.observe.RequestLogEntry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every {@code /v1} request passes before its handler, in order: a request id (body and
 * {@code x-notion-request-id}), the request log, injected faults (latency, dropped connection, status code),
 * Bearer auth, {@code Notion-Version}, then the rate limit.
 */
final class ApiGate {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGate.class);
    static final String VERSION = "sandbox.version";
    static final String COMMITTED_THEN_503 = "sandbox.committedThen503";
    private static final String FAULT = "sandbox.fault";
    private static final String ARRIVED = "sandbox.arrived";

    private final Vertx vertx;
    private final SandboxServices services;
    private final EndpointCatalog catalog;

    ApiGate(Vertx vertx, SandboxServices services, EndpointCatalog catalog) {
        this.vertx = vertx;
        this.services = services;
        this.catalog = catalog;
    }

    void handle(RoutingContext ctx) {
        String requestId = NotionIds.newId();
        long started = System.nanoTime();
        ctx.put(ARRIVED, services.clock().instant());
        ctx.put(ApiResponder.REQUEST_ID, requestId);
        ctx.response().putHeader("x-notion-request-id", requestId);
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        ctx.addBodyEndHandler(v -> record(ctx, method, path, requestId, started, ctx.response().getStatusCode()));
        FaultPlan plan = services.faults().plan(method, path);
        if (plan.latencyMs() > 0) {
            vertx.setTimer(plan.latencyMs(), id -> afterLatency(ctx, plan, method, path, requestId, started));
        } else {
            afterLatency(ctx, plan, method, path, requestId, started);
        }
    }

    private void afterLatency(RoutingContext ctx, FaultPlan plan, String method, String path, String requestId,
                              long started) {
        if (ctx.response().closed()) {
            return;
        }
        if (plan.drop()) {
            LOG.debug("sandbox: dropping the connection of {} {}", method, path);
            ctx.put(FAULT, "drop");
            record(ctx, method, path, requestId, started, 0);
            ctx.request().connection().close();
            return;
        }
        if (plan.error() != null) {
            ctx.put(FAULT, "status " + plan.error().status());
            ApiResponder.error(ctx, plan.error());
            return;
        }
        if (plan.committedThen503()) {
            ctx.put(FAULT, "committed_then_503");
            ctx.put(COMMITTED_THEN_503, Boolean.TRUE);
        }
        Optional<ApiError> refused = admit(ctx);
        if (refused.isPresent()) {
            ApiResponder.error(ctx, refused.get());
            return;
        }
        ctx.next();
    }

    /** Auth, then version, then the rate limit; the first failure, if any. */
    private Optional<ApiError> admit(RoutingContext ctx) {
        String auth = ctx.request().getHeader("Authorization");
        if (auth == null || !auth.equals("Bearer " + services.token())) {
            return Optional.of(ApiError.unauthorized());
        }
        String header = ctx.request().getHeader("Notion-Version");
        if (header == null || header.isBlank()) {
            return Optional.of(new ApiError(400, "missing_version", "Notion-Version header failed validation: "
                    + "Notion-Version header should be defined, instead was `undefined`."));
        }
        Optional<NotionVersion> version = NotionVersion.of(header);
        if (version.isEmpty()) {
            return Optional.of(ApiError.validation("Notion-Version header failed validation: Notion-Version header "
                    + "should be one of \"2022-06-28\", \"2025-09-03\", \"2026-03-11\" (the versions the Notion sandbox "
                    + "emulates), instead was \"" + header + "\"."));
        }
        ctx.put(VERSION, version.get());
        return services.rateLimiter().check();
    }

    private void record(RoutingContext ctx, String method, String path, String requestId, long started, int status) {
        if (ctx.get("sandbox.logged") != null) {
            return;
        }
        ctx.put("sandbox.logged", Boolean.TRUE);
        services.requestLog().record(new RequestLogEntry(services.requestLog().nextSeq(), Instant.now(), ctx.get(ARRIVED),
                requestId, method, path, catalog.name(method, path), status, ctx.get(ApiResponder.ERROR_CODE),
                (System.nanoTime() - started) / 1_000_000, ctx.get(FAULT)));
    }
}
