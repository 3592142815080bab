package io.notionbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import io.notionbridge.system.Housekeeping;
import io.notionbridge.testing.ElectionMember;
import io.notionbridge.testing.TestDatabase;
import org.apache.camel.Route;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A one-shot command's runtime: only the routes it asks for, no timers, and the job's direct: entry answers. */
@Tag("db")
class OneShotRuntimeTest {

    @Test
    void runsAJobThroughItsDirectEntryWithTimersOff() {
        try (TestDatabase db = TestDatabase.create()) {
            Properties p = new Properties();
            for (String kv : db.properties()) {
                p.setProperty(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            p.setProperty("bridge.sandbox.port", "0");
            try (OneShotRuntime rt = OneShotRuntime.start(BridgeConfig.load(null, p), List.of("system"), p)) {
                List<String> ids = rt.context().getRoutes().stream().map(Route::getRouteId).toList();
                assertThat(ids).contains("system-housekeeping", "notion-gateway", "notion-gateway-attempt")
                        .doesNotContain("notion-sandbox");
                assertThat(rt.context().getRouteController().getRouteStatus("system-housekeeping-timer").isStarted())
                        .as("timers are off in one-shot mode").isFalse();
                Housekeeping.Result result = rt.request("direct:housekeeping", null, Map.of(), Housekeeping.Result.class);
                assertThat(result.deleted()).isZero();
                assertThat(result.interrupted()).isZero();
            }
        }
    }

    @Test
    void whileAnotherInstanceLeadsAJobRunRefusesWithOneLine(@TempDir Path locks) throws Exception {
        try (ElectionMember service = ElectionMember.leader(locks, "service-a"); TestDatabase db = TestDatabase.create()) {
            Properties p = new Properties();
            for (String kv : db.properties()) {
                p.setProperty(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            p.setProperty("bridge.sandbox.port", "0");
            p.setProperty("bridge.cluster.service", "file");
            p.setProperty("bridge.cluster.root", locks.toString());
            p.setProperty("bridge.cluster.lock-interval-ms", "200");
            p.setProperty("bridge.cluster.heartbeat-timeout", "3");
            p.setProperty("bridge.cluster.leader-wait-ms", "500");
            try (OneShotRuntime rt = OneShotRuntime.start(BridgeConfig.load(null, p), List.of("suppression-sync"), p)) {
                assertThatThrownBy(() -> rt.request("direct:suppression-sync", null, Map.of(), Object.class))
                        .isInstanceOf(BridgeException.class)
                        .hasMessageStartingWith("another bridge instance is the cluster leader");
            }
        }
    }
}
