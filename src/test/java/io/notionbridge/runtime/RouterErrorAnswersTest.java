package io.notionbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answers of a router for what no endpoint takes, over HTTP with a plain Vert.x router (the bridge's own routers
 * are drilled by {@code BadInputDrillTest}), and which methods a path has for the 405 answer's {@code Allow}.
 */
class RouterErrorAnswersTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void routePathsWithParametersMatchOneSegmentEach() {
        assertThat(RouterErrorAnswers.matches("/api/tasks/:id", "/api/tasks/12")).isTrue();
        assertThat(RouterErrorAnswers.matches("/api/tasks/:id", "/api/tasks/12/")).isTrue();
        assertThat(RouterErrorAnswers.matches("/api/tasks/:id", "/api/tasks")).isFalse();
        assertThat(RouterErrorAnswers.matches("/api/tasks/:id", "/api/tasks/12/approve")).isFalse();
        assertThat(RouterErrorAnswers.matches("/api/tasks/:id/:action", "/api/tasks/1; DROP/approve")).isTrue();
        assertThat(RouterErrorAnswers.matches("/api/info", "/api/info")).isTrue();
        assertThat(RouterErrorAnswers.matches("/api/info", "/api/infox")).isFalse();
        assertThat(RouterErrorAnswers.matches("/a.b", "/aXb")).as("no regex in literal parts").isFalse();
    }

    @Test
    void theAllowedMethodsAreThoseOfEveryRouteAtThePath() {
        Router router = Router.router(vertx);
        router.get("/api/tasks/:id").handler(ctx -> ctx.end());
        router.post("/api/tasks/claim").handler(ctx -> ctx.end());
        router.post("/api/tasks/:id/:action").handler(ctx -> ctx.end());
        router.route("/mcp").handler(ctx -> ctx.end());
        assertThat(RouterErrorAnswers.allowedMethods(router, "/api/tasks/claim")).containsExactly("GET", "POST");
        assertThat(RouterErrorAnswers.allowedMethods(router, "/api/tasks/7")).containsExactly("GET");
        assertThat(RouterErrorAnswers.allowedMethods(router, "/api/tasks/7/approve")).containsExactly("POST");
        assertThat(RouterErrorAnswers.allowedMethods(router, "/nothing")).isEmpty();
        assertThat(RouterErrorAnswers.allowedMethods(router, "/mcp")).as("a route of every method answers itself")
                .isEmpty();
    }

    @Test
    void whatNoEndpointTakesIsAnsweredInJson() throws Exception {
        Router router = Router.router(vertx);
        router.post("/api/things").handler(BodyHandler.create().setBodyLimit(16)).handler(ctx -> ctx.end("ok"));
        router.get("/api/things/:id").handler(ctx -> {
            throw new IllegalStateException("boom");
        });
        router.get("/busy").handler(ctx -> ctx.fail(503));
        RouterErrorAnswers.install(router, 16L);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + server.actualPort();
        try {
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(base + "/api/things"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.body()).isEqualTo("ok");

            HttpResponse<String> big = http.send(HttpRequest.newBuilder(URI.create(base + "/api/things"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(big.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(big.body()).isEqualTo("{\"error\":\"payload_too_large\",\"message\":\"the request body is over 16 "
                    + "bytes, the limit of every request on this port (camel.server.max-body-size)\"}");

            HttpResponse<String> method = http.send(HttpRequest.newBuilder(URI.create(base + "/api/things")).DELETE()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(method.statusCode()).isEqualTo(405);
            assertThat(method.headers().firstValue("Allow")).hasValue("POST");
            assertThat(method.body()).contains("\"method_not_allowed\"", "DELETE is not allowed on /api/things; use POST");

            HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(base + "/nothing")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(none.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"no endpoint at /nothing\"}");

            HttpResponse<String> thrown = http.send(HttpRequest.newBuilder(URI.create(base + "/api/things/1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(thrown.statusCode()).isEqualTo(500);
            assertThat(thrown.body()).contains("\"internal_error\"").doesNotContain("boom");

            HttpResponse<String> busy = http.send(HttpRequest.newBuilder(URI.create(base + "/busy")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(busy.statusCode()).as("a 5xx keeps its status").isEqualTo(503);
        } finally {
            server.close();
        }
    }
}
