package io.notionbridge.ops.routes;

import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import io.notionbridge.App;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The runtime's bean names, read from the real thing: Camel Main with this configuration (profile, files,
 * environment) runs every {@code CamelConfiguration} of the bridge and binds their beans, but loads no route and is
 * never started: no HTTP server, no JMX, no timers. It uses a throwaway in-memory store, so validating never touches
 * (or migrates) the real one, and a sandbox on a free loopback port when no Notion token is set. Keep it open while
 * placeholders are checked against its configuration; close it after.
 */
public final class RuntimeBeans implements AutoCloseable {

    private final Main main;
    private final RuntimeNames names;

    private RuntimeBeans(Main main, RuntimeNames names) {
        this.main = main;
        this.names = names;
    }

    /**
     * Boots the configurations.
     *
     * @param overrides properties that win over the files (tests); may be null
     */
    public static RuntimeBeans boot(BridgeConfig config, Properties overrides) {
        Main main = new Main(App.class);
        main.setPropertyPlaceholderLocations(config.locations());
        config.profile().ifPresent(p -> main.configure().setProfile(p));
        Properties p = new Properties();
        if (overrides != null) {
            p.putAll(overrides);
        }
        p.setProperty("camel.main.routes-collector-enabled", "false");
        p.setProperty("camel.main.routes-reload-enabled", "false");
        p.setProperty("camel.server.enabled", "false");
        p.setProperty("camel.management.enabled", "false");
        p.setProperty("camel.main.jmx-enabled", "false");
        p.setProperty("bridge.scheduler.enabled", "false");
        p.setProperty("bridge.db.url", "jdbc:h2:mem:routes-validate-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        p.setProperty("bridge.db.user", "sa");
        p.setProperty("bridge.db.password", "");
        p.setProperty("bridge.sandbox.host", "127.0.0.1");
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.sandbox.demo-data", "false");
        p.setProperty("bridge.sandbox.reuse-running", "false");
        p.setProperty("bridge.sandbox.webhook-url", "");
        main.setOverrideProperties(p);
        Level sandboxLevel = LogManager.getLogger("io.notionbridge.sandbox").getLevel();
        // the sandbox's "NOTION SANDBOX MODE" warning is for the runtime, not for a validation
        Configurator.setLevel("io.notionbridge.sandbox", Level.ERROR);
        try {
            main.init();
        } catch (Exception e) {
            stopQuietly(main);
            throw new BridgeException("cannot start the runtime's configurations to read its bean names: " + rootMessage(e), e);
        } finally {
            Configurator.setLevel("io.notionbridge.sandbox", sandboxLevel);
        }
        CamelContext context = main.getCamelContext();
        Set<String> beans = new HashSet<>(context.getRegistry().findByTypeWithName(Object.class).keySet());
        RuntimeNames names = new RuntimeNames(beans, key -> context.getPropertiesComponent().resolveProperty(key).isPresent());
        return new RuntimeBeans(main, names);
    }

    public RuntimeNames names() {
        return names;
    }

    /** The booted, never started context (for tests). */
    CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        stopQuietly(main);
    }

    private static void stopQuietly(Main main) {
        try {
            if (main.getCamelContext() != null) {
                main.getCamelContext().stop();
            }
            main.stop();
        } catch (Exception ignored) {
            // the context never started; nothing of the runtime's is left behind either way
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof BridgeException) {
                break;
            }
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
