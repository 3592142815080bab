package io.notionbridge.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.fault.FaultErrors;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.NotionVersion;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers Notion endpoints on the router; each answer gets Notion's envelope and the committed-then-503 fault. */
public final class ApiRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    private final Router router;
    private final EndpointCatalog catalog;

    ApiRoutes(Router router, EndpointCatalog catalog) {
        this.router = router;
        this.catalog = catalog;
    }

    public void get(String path, ApiHandler handler) {
        add(HttpMethod.GET, path, handler);
    }

    public void post(String path, ApiHandler handler) {
        add(HttpMethod.POST, path, handler);
    }

    public void patch(String path, ApiHandler handler) {
        add(HttpMethod.PATCH, path, handler);
    }

    private void add(HttpMethod method, String path, ApiHandler handler) {
        String name = catalog.add(method.name(), path);
        router.route(method, path).handler(ctx -> run(ctx, name, handler));
    }

    private static void run(RoutingContext ctx, String endpointName, ApiHandler handler) {
        NotionVersion version = ctx.get(ApiGate.VERSION);
        try {
            ObjectNode result = handler.handle(new ApiRequest(ctx, version));
            HttpMethod m = ctx.request().method();
            if (Boolean.TRUE.equals(ctx.get(ApiGate.COMMITTED_THEN_503))
                    && (m.equals(HttpMethod.POST) || m.equals(HttpMethod.PATCH))) {
                ApiResponder.error(ctx, FaultErrors.committedThen503(endpointName, result.path("id").asText(null)));
            } else {
                ApiResponder.ok(ctx, result);
            }
        } catch (ApiError e) {
            ApiResponder.error(ctx, e);
        } catch (RuntimeException e) {
            LOG.warn("sandbox: {} failed: {}", endpointName, e.toString(), e);
            ApiResponder.error(ctx, new ApiError(500, "internal_server_error", "Unexpected error occurred."));
        }
    }
}
