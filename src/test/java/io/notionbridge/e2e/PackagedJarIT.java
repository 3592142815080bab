package io.notionbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.notionbridge.testing.BridgeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user runs it: starts on the embedded defaults, is healthy, stops cleanly on SIGTERM. */
class PackagedJarIT {

    @TempDir
    Path dir;

    private Map<String, String> freshStore() {
        return Map.of("BRIDGE_DB_URL", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void runsHealthyAndShutsDownGracefullyOnSigterm() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(freshStore());
        env.put("BRIDGE_HOUSEKEEPING_DELAY_MS", "0");
        int jmxPort = io.notionbridge.testing.BridgeRouteTestSupport.freePort();
        try (BridgeProcess bridge = BridgeProcess.start(BridgeProcess.remoteJmx(jmxPort), env)) {
            bridge.awaitHealthy(Duration.ofSeconds(60));
            try (javax.management.remote.JMXConnector jmx = javax.management.remote.JMXConnectorFactory.connect(
                    new javax.management.remote.JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"))) {
                var routes = jmx.getMBeanServerConnection().queryNames(
                        new javax.management.ObjectName("org.apache.camel:context=notion-bridge,type=routes,*"), null);
                assertThat(routes).extracting(n -> n.getKeyProperty("name")).contains("\"system-info\"");
            }
            HttpResponse<String> info = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bridge.httpPort() + "/api/info")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(info.body()).contains("\"schemaVersion\"");

            // job timers start once the instance leads (about a second after start): wait for the first housekeeping
            java.util.regex.Pattern housekeeping = java.util.regex.Pattern.compile(
                    "route=system-housekeeping exchange=[0-9A-F-]+ - Housekeeping: deleted 0");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!housekeeping.matcher(bridge.log()).find() && System.nanoTime() < deadline) {
                bridge.process().waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            bridge.terminate(Duration.ofSeconds(45));
            String log = bridge.log();
            assertThat(log).contains("Routes startup").contains("is shutting down").contains("is shutdown");
            assertThat(log).containsPattern(housekeeping);
        }
    }

    @Test
    void jsonLogFormatWritesOneJsonObjectPerLine() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(freshStore());
        env.put("BRIDGE_LOG_FORMAT", "json");
        try (BridgeProcess bridge = BridgeProcess.start(env)) {
            bridge.awaitHealthy(Duration.ofSeconds(60));
            bridge.terminate(Duration.ofSeconds(45));
            var lines = bridge.log().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty();
            assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"log.level\":\"INFO\""));
        }
    }

    @Test
    void unreachableDatabaseEndsWithOneClearLine() throws Exception {
        Map<String, String> env = Map.of("BRIDGE_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");
        try (BridgeProcess bridge = BridgeProcess.start(env)) {
            assertThat(bridge.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(bridge.process().exitValue()).isEqualTo(1);
            assertThat(bridge.log()).contains("error: cannot connect to the database at jdbc:postgresql://127.0.0.1:1/nowhere");
        }
    }

    @Test
    void dbExportAndImportRoundTripThroughTheJar() throws Exception {
        Path backup = dir.resolve("backup.json");
        Map<String, String> env = freshStore();
        try (BridgeProcess empty = BridgeProcess.start(env, "db", "export", backup.toString())) {
            assertThat(empty.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(empty.process().exitValue()).isEqualTo(1);
            assertThat(empty.log()).contains("has no Notion Bridge schema yet");
        }
        try (BridgeProcess migrate = BridgeProcess.start(env, "db", "migrate")) {
            assertThat(migrate.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(migrate.process().exitValue()).as(migrate.log()).isZero();
        }
        try (BridgeProcess export = BridgeProcess.start(env, "db", "export", backup.toString())) {
            assertThat(export.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(export.process().exitValue()).as(export.log()).isZero();
        }
        assertThat(Files.readString(backup)).contains("\"job_runs\"");
        try (BridgeProcess again = BridgeProcess.start(env, "db", "import", backup.toString())) {
            assertThat(again.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(again.process().exitValue()).as(again.log()).isZero();
            assertThat(again.log()).contains("imported 0 row(s)");
        }
    }
}
