package io.notionbridge.sandbox.http;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.NotionIds;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The sandbox's HTTP server on Vert.x: the admin API under {@code /_sandbox}, then the gate and the Notion endpoints
 * under {@code /v1}; any other path or method is Notion's 400 {@code invalid_request_url}.
 */
public final class SandboxServer {

    /** Bodies are read up to this size so that Notion's own 500 KB limit can answer with its message. */
    private static final long READ_LIMIT = 4L * 1024 * 1024;

    private final Vertx vertx;
    private final SandboxServices services;
    private final List<Consumer<Router>> adminRoutes;
    private HttpServer server;

    public SandboxServer(Vertx vertx, SandboxServices services, List<Consumer<Router>> adminRoutes) {
        this.vertx = vertx;
        this.services = services;
        this.adminRoutes = adminRoutes;
    }

    /** Binds and returns the port actually bound (useful with port 0). */
    public int start(String host, int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(READ_LIMIT));
        adminRoutes.forEach(r -> r.accept(router));
        EndpointCatalog catalog = new EndpointCatalog();
        ApiGate gate = new ApiGate(vertx, services, catalog);
        router.route("/v1/*").handler(gate::handle);
        ApiRoutes routes = new ApiRoutes(router, catalog);
        new UsersApi(services).register(routes);
        new DatabasesApi(services).register(routes);
        new QueryApi(services).register(routes);
        new PagesApi(services).register(routes);
        new PropertyItemsApi(services).register(routes);
        new SearchApi(services).register(routes);
        router.route().handler(ctx -> {
            if (ctx.get(ApiResponder.REQUEST_ID) == null) {
                String id = NotionIds.newId();
                ctx.put(ApiResponder.REQUEST_ID, id);
                ctx.response().putHeader("x-notion-request-id", id);
            }
            ApiResponder.error(ctx, ApiError.invalidRequestUrl());
        });
        try {
            // HTTP/1.1 only: Notion serves HTTP/2 over TLS, never cleartext h2c, and the JDK client's h2c upgrade
            // against Vert.x intermittently left requests hanging
            server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setHttp2ClearTextEnabled(false))
                    .requestHandler(router)
                    .listen()
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Notion sandbox", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot start the Notion sandbox on " + host + ":" + port + ": "
                    + cause.getMessage(), cause);
        }
        return server.actualPort();
    }

    public void stop() {
        if (server != null) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // closing is best effort; the Vert.x instance is closed right after
            }
        }
    }
}
