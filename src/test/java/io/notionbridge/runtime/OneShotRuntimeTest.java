package io.notionbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.testing.TestDatabase;
import org.apache.camel.Route;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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
                Integer deleted = rt.request("direct:housekeeping", null, Map.of(), Integer.class);
                assertThat(deleted).isZero();
            }
        }
    }
}
