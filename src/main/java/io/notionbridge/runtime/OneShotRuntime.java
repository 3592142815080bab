package io.notionbridge.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.notionbridge.App;
import io.notionbridge.cluster.NotLeaderException;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * The runtime as a one-shot CLI command uses it: the same configuration, store and Notion gateway, but only the
 * route files the command needs, no management server, no JMX and no timers ({@code bridge.scheduler.enabled=false}).
 * The command sends one message to a job's {@code direct:} entry — the same route the timer runs — and prints what
 * comes back. In sandbox mode it uses the sandbox of a running bridge when there is one.
 */
public final class OneShotRuntime implements AutoCloseable {

    /** Route files every one-shot runtime loads: shared error handling and the Notion gateway. */
    public static final List<String> BASE_ROUTES = List.of("errors", "notion-gateway");

    private final Main main;
    private final ProducerTemplate producer;

    private OneShotRuntime(Main main) {
        this.main = main;
        this.producer = main.getCamelContext().createProducerTemplate();
    }

    /**
     * Starts Camel with {@code routes} (file names without {@code .camel.yaml}) besides {@link #BASE_ROUTES}.
     *
     * @param overrides properties that win over the files (for tests); may be null
     */
    public static OneShotRuntime start(BridgeConfig config, List<String> routes, Properties overrides) {
        new BridgeRuntime(config).preflight();
        String dir = config.get("bridge.routes.dir", "routes");
        List<String> files = new ArrayList<>();
        for (String r : BASE_ROUTES) {
            files.add("file:" + dir + "/" + r + ".camel.yaml");
        }
        for (String r : routes) {
            files.add("file:" + dir + "/" + r + ".camel.yaml");
        }
        Main main = new Main(App.class);
        main.setPropertyPlaceholderLocations(config.locations());
        config.profile().ifPresent(p -> main.configure().setProfile(p));
        Properties p = new Properties();
        p.setProperty("camel.main.routes-include-pattern", String.join(",", files));
        p.setProperty("camel.main.routes-reload-enabled", "false");
        // flows keep their HTTP routes; a throwaway server on a random loopback port serves them, never the runtime's
        p.setProperty("camel.server.host", "127.0.0.1");
        p.setProperty("camel.server.port", "0");
        p.setProperty("camel.management.enabled", "false");
        p.setProperty("camel.main.jmx-enabled", "false");
        p.setProperty("bridge.scheduler.enabled", "false");
        p.setProperty("bridge.sandbox.reuse-running", "true");
        if (overrides != null) {
            p.putAll(overrides);
        }
        main.setOverrideProperties(p);
        try {
            main.start();
        } catch (Exception e) {
            throw unwrap(e);
        }
        return new OneShotRuntime(main);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** Sends {@code body} with {@code headers} to {@code endpoint} and returns the answer as {@code type}. */
    public <T> T request(String endpoint, Object body, Map<String, Object> headers, Class<T> type) {
        try {
            return producer.requestBodyAndHeaders(endpoint, body, headers, type);
        } catch (CamelExecutionException e) {
            throw unwrap(e);
        }
    }

    @Override
    public void close() {
        try {
            producer.close();
            main.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop cleanly: " + e.getMessage(), e);
        }
    }

    private static RuntimeException unwrap(Exception e) {
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof NotLeaderException) {
                return new BridgeException("another bridge instance is the cluster leader (bridge.cluster.*), and only the "
                        + "leader talks to Notion: run the job there (POST /admin/jobs/<job>/run on the leader), or stop it "
                        + "first", c);
            }
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof BridgeException)) {
            if (t.getCause() instanceof BridgeException be) {
                return be;
            }
            t = t.getCause();
        }
        return t instanceof RuntimeException re && (t instanceof BridgeException || t != e) ? re
                : new IllegalStateException(e.getMessage(), e);
    }
}
