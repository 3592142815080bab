package io.notionbridge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Properties;

import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Test;

/**
 * With JMX off ({@code BRIDGE_JMX_ENABLED=false}), {@code /observe/info}, which reads Camel's MBeans, is not served:
 * it answered every request with a 500 before. Health and metrics are unaffected.
 */
class ManagementJmxOffTest extends BridgeRouteTestSupport {

    @Override
    protected void extraProperties(Properties p) {
        fastSandbox(p);
        p.setProperty("camel.main.jmx-enabled", "false");
    }

    @Test
    void infoIsNotServedAndNothingFails() throws Exception {
        HttpResponse<String> info = get(managementPort, "/observe/info");
        assertThat(info.statusCode()).as(info.body()).isEqualTo(404);
        assertThat(info.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(info.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"no endpoint at /observe/info\"}");
        assertThat(get(managementPort, "/observe/health").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/observe/metrics").statusCode()).isEqualTo(200);
    }
}
