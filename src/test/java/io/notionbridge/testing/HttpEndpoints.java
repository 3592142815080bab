package io.notionbridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * The HTTP endpoints a running bridge serves, read from its Vert.x routers (the business port's {@code platform-http}
 * routes and the management port's {@code /observe/*}), and the paths the route files declare. Tests compare these
 * with what they cover, so that a new endpoint cannot go untested.
 */
public final class HttpEndpoints {

    private static final Pattern PLATFORM_HTTP = Pattern.compile("platform-http:(/[^\\s\"'?]*)");

    private HttpEndpoints() {
    }

    /** One endpoint: {@code GET /api/tasks/{id}}; {@code *} when the route takes every method (it answers 405 itself). */
    public record Endpoint(boolean management, String method, String path) implements Comparable<Endpoint> {
        public String key() {
            return method + " " + path;
        }

        @Override
        public int compareTo(Endpoint o) {
            return key().compareTo(o.key());
        }

        @Override
        public String toString() {
            return key() + (management ? " (management port)" : "");
        }
    }

    /** Every method and path the routers of {@code context} serve, path parameters written {@code {name}}. */
    public static Set<Endpoint> served(CamelContext context) {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (VertxPlatformHttpRouter router : context.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
            for (Route route : router.getRoutes()) {
                String path = route.getPath();
                if (path == null) {
                    continue;
                }
                String p = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
                if (route.methods() == null || route.methods().isEmpty()) {
                    endpoints.add(new Endpoint(router.isManagementServer(), "*", p));
                } else {
                    for (HttpMethod m : route.methods()) {
                        endpoints.add(new Endpoint(router.isManagementServer(), m.name(), p));
                    }
                }
            }
        }
        return endpoints;
    }

    /** The paths of every {@code platform-http:} URI in the route files of {@code routesDir}. */
    public static Set<String> declaredIn(Path routesDir) throws IOException {
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.list(routesDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                Matcher m = PLATFORM_HTTP.matcher(Files.readString(f));
                while (m.find()) {
                    paths.add(m.group(1));
                }
            }
        }
        return paths;
    }
}
