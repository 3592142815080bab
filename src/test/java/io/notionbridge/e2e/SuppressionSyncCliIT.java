package io.notionbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.testing.BridgeProcess;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `suppression-sync` as a user runs it from the packaged jar, in sandbox mode. */
class SuppressionSyncCliIT {

    @TempDir
    Path dir;

    private Map<String, String> env() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("BRIDGE_DB_URL", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        env.put("BRIDGE_SANDBOX_PORT", Integer.toString(BridgeRouteTestSupport.freePort()));
        return env;
    }

    private static String stdout(BridgeProcess p) throws Exception {
        assertThat(p.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
        return p.log();
    }

    @Test
    void jsonStatisticsAndADryRunThatWritesNothing() throws Exception {
        Map<String, String> env = env();
        try (BridgeProcess dry = BridgeProcess.start(env, "suppression-sync", "--dry-run")) {
            String out = stdout(dry);
            assertThat(dry.process().exitValue()).as(out).isZero();
            assertThat(out).contains("Suppression sync (full, dry run: nothing written)").contains("pages fetched")
                    .contains("NOTION SANDBOX MODE");
        }
        try (BridgeProcess sync = BridgeProcess.start(env, "suppression-sync", "--json")) {
            String out = stdout(sync);
            assertThat(sync.process().exitValue()).as(out).isZero();
            String json = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
            JsonNode stats = new ObjectMapper().readTree(json);
            assertThat(stats.path("mode").asText()).as("the dry run left no watermark").isEqualTo("full");
            assertThat(stats.path("pagesFetched").asInt()).isGreaterThanOrEqualTo(25);
            assertThat(stats.path("entriesSynced").asInt()).isPositive();
        }
    }

    @Test
    void badOptionsAreOneLineErrors() throws Exception {
        try (BridgeProcess p = BridgeProcess.start(env(), "suppression-sync", "--ttl-days", "0")) {
            String out = stdout(p);
            assertThat(p.process().exitValue()).isEqualTo(1);
            assertThat(out.strip()).isEqualTo("error: --ttl-days must be at least 1, got 0");
        }
    }
}
