package io.notionbridge.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import io.notionbridge.App;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;

/**
 * Route tests through Camel Main, the way the runtime boots: the YAML routes from {@code routes/}, the real
 * configuration classes, a store of the test's own (H2, or PostgreSQL under `.ci/run`) and free HTTP ports.
 * Subclasses add properties with {@link #extraProperties(Properties)}.
 */
public abstract class BridgeRouteTestSupport extends CamelMainTestSupport {

    protected TestDatabase db;
    protected int httpPort;
    protected int managementPort;
    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected Class<?> getMainClass() {
        return App.class;
    }

    @Override
    protected void setupResources() throws Exception {
        super.setupResources();
        db = TestDatabase.create();
        httpPort = freePort();
        managementPort = freePort();
        Properties p = new Properties();
        for (String kv : db.properties()) {
            int i = kv.indexOf('=');
            p.setProperty(kv.substring(0, i), kv.substring(i + 1));
        }
        p.setProperty("camel.server.port", Integer.toString(httpPort));
        p.setProperty("camel.server.host", "127.0.0.1");
        p.setProperty("camel.management.port", Integer.toString(managementPort));
        p.setProperty("camel.management.host", "127.0.0.1");
        extraProperties(p);
        camelContextConfiguration.withUseOverridePropertiesWithPropertiesComponent(p);
    }

    @Override
    protected void cleanupResources() throws Exception {
        super.cleanupResources();
        if (db != null) {
            db.close();
        }
    }

    /**
     * The usual set-up of a test against the embedded sandbox: a free sandbox port, no rate limit in the sandbox, a
     * high gateway limit, and timers off (tests drive the jobs' direct: entries).
     */
    public static void fastSandbox(Properties p) {
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.scheduler.enabled", "false");
        p.setProperty("bridge.sandbox.rate-limit", "off");
        p.setProperty("bridge.notion.rate-limit", "500");
    }

    /** Properties this test adds or overrides. */
    protected void extraProperties(Properties p) {
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    protected HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(int port, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
