package io.notionbridge.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.notionbridge.App;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import io.notionbridge.store.Database;
import io.notionbridge.store.DatabaseSettings;
import org.apache.camel.main.Main;

/**
 * The long-running runtime: Camel Main with the routes from {@code routes/*.camel.yaml} on disk, the store, the HTTP
 * servers and JMX. Blocks until SIGTERM or Ctrl-C, then shuts down gracefully.
 */
public final class BridgeRuntime {

    private final BridgeConfig config;

    public BridgeRuntime(BridgeConfig config) {
        this.config = config;
    }

    /** Checks what can be checked before Camel starts, so mistakes end in one clear line. */
    public void preflight() {
        Path routes = Path.of(config.get("bridge.routes.dir", "routes"));
        if (!Files.isDirectory(routes)) {
            throw new BridgeException("routes folder " + routes.toAbsolutePath() + " does not exist; run from the folder "
                    + "that holds routes/ or set BRIDGE_ROUTES_DIR");
        }
        try (Stream<Path> files = Files.list(routes)) {
            if (files.noneMatch(p -> p.getFileName().toString().endsWith(".camel.yaml"))) {
                throw new BridgeException("routes folder " + routes.toAbsolutePath() + " holds no *.camel.yaml file");
            }
        } catch (IOException e) {
            throw new BridgeException("cannot read routes folder " + routes.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        // fails with a one-line error when the database cannot be reached
        Database.open(DatabaseSettings.from(config)).close();
    }

    /** Runs until stopped; returns the process exit code. */
    public int run() throws Exception {
        preflight();
        Main main = new Main(App.class);
        main.setPropertyPlaceholderLocations(config.locations());
        config.profile().ifPresent(p -> main.configure().setProfile(p));
        main.run();
        return main.getExitCode();
    }
}
