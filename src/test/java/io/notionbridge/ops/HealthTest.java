package io.notionbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Properties;

import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Readiness covers the store, Notion (cached) and the breaker; liveness is separate; jobs whose timers have not fired
 * yet do not make the runtime unhealthy.
 */
@Tag("db")
class HealthTest extends BridgeRouteTestSupport {

    @Override
    protected void extraProperties(Properties p) {
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.sandbox.rate-limit", "off");
        p.setProperty("bridge.notion.rate-limit", "500");
        // timers on, but none will fire during the test
        p.setProperty("bridge.suppression.delay-ms", "3600000");
        p.setProperty("bridge.housekeeping.delay-ms", "3600000");
        p.setProperty("bridge.alerts.check-period-ms", "3600000");
    }

    @Test
    void readyWhileNoTimerHasFiredYet() throws Exception {
        HttpResponse<String> ready = get(managementPort, "/observe/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("store").contains("notion").contains("notion-breaker");
    }

    @Test
    void notionRejectingTheTokenMakesTheRuntimeNotReadyButStillLive() throws Exception {
        NotionSandbox sandbox = context.getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
        sandbox.faults().failNext("GET", "/v1/users/me", 401, 1);
        HttpResponse<String> ready = get(managementPort, "/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("notion");
        HttpResponse<String> live = get(managementPort, "/observe/health/live");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(live.body()).doesNotContain("\"notion\"");
    }
}
