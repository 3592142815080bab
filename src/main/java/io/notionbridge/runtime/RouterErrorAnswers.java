package io.notionbridge.runtime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers given before or outside any Camel route, in the same JSON shape as {@link HttpErrors}
 * ({@code {"error": CODE, "message": …}}) instead of Vert.x's empty, plain-text or HTML pages: 404 (no endpoint at
 * that path), 405 (the path exists, the method does not; with {@code Allow}), 413 (body over
 * {@code camel.server.max-body-size}), and any other failure outside the routes (400 for a request Vert.x cannot read,
 * 500 logged). Installed as the last route of a platform-http router, so it only sees what no endpoint took.
 */
public final class RouterErrorAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(RouterErrorAnswers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Router router;
    private final Long maxBodyBytes;

    private RouterErrorAnswers(Router router, Long maxBodyBytes) {
        this.router = router;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Installs the answers on {@code router} (a platform-http router: the routes of the endpoints are on it).
     *
     * @param maxBodyBytes the server's body limit (named in the 413 message), or null when it has none
     */
    public static void install(Router router, Long maxBodyBytes) {
        RouterErrorAnswers a = new RouterErrorAnswers(router, maxBodyBytes);
        router.route().order(Integer.MAX_VALUE).handler(a::noEndpoint).failureHandler(a::failure);
    }

    /** No endpoint took the request: 405 when the path has endpoints for other methods, else 404. */
    void noEndpoint(RoutingContext ctx) {
        Set<String> allowed = allowedMethods(router, ctx.normalizedPath());
        if (allowed.isEmpty()) {
            answer(ctx, 404, "not_found", "no endpoint at " + path(ctx));
            return;
        }
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader("Allow", String.join(", ", allowed));
        }
        answer(ctx, 405, "method_not_allowed", ctx.request().method() + " is not allowed on " + path(ctx) + "; use "
                + String.join(" or ", allowed));
    }

    /** A failure outside the routes (a route's own errors are answered by {@link HttpErrors}). */
    void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status == 413) {
            answer(ctx, 413, "payload_too_large", maxBodyBytes == null ? "the request body is too large"
                    : String.format(Locale.ROOT, "the request body is over %,d bytes, the limit of every request on "
                            + "this port (camel.server.max-body-size)", maxBodyBytes));
        } else if (status >= 400 && status < 500) {
            answer(ctx, status, status == 400 ? "bad_request" : "request_refused", "the request cannot be handled ("
                    + HttpResponseStatus.valueOf(status).reasonPhrase() + ")");
        } else {
            LOG.error("Request {} {} failed outside the routes: {}", ctx.request().method(), path(ctx),
                    ctx.failure() == null ? "status " + status : ctx.failure().toString(), ctx.failure());
            answer(ctx, status >= 500 && status < 600 ? status : 500, "internal_error",
                    "the request failed inside the bridge; see the log");
        }
    }

    /** The methods the routes of {@code router} at {@code path} take (none for a route that takes every method). */
    static Set<String> allowedMethods(Router router, String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            String p = route.getPath();
            if (p == null || route.methods() == null || !matches(p, path)) {
                continue;
            }
            for (HttpMethod m : route.methods()) {
                methods.add(m.name());
            }
        }
        return methods;
    }

    /** Whether a route path such as {@code /api/tasks/:id} matches {@code path}. */
    static boolean matches(String routePath, String path) {
        StringJoiner regex = new StringJoiner("/");
        for (String part : routePath.split("/", -1)) {
            regex.add(part.startsWith(":") ? "[^/]+" : Pattern.quote(part));
        }
        return path != null && Pattern.matches(regex + "/?", path);
    }

    private void answer(RoutingContext ctx, int status, String code, String message) {
        HttpServerResponse r = ctx.response();
        if (r.ended() || r.closed()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"error\":\"" + code + "\"}";
        }
        if (!r.headWritten()) {
            r.setStatusCode(status).putHeader("Content-Type", "application/json");
        }
        r.end(text);
    }

    private static String path(RoutingContext ctx) {
        String p = ctx.normalizedPath();
        return clip(p == null ? "?" : p);
    }

    private static String clip(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
