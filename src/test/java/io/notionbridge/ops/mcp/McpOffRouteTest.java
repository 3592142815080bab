package io.notionbridge.ops.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Properties;

import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Without bridge.admin.token the MCP endpoint is off: 404 for every method. */
@Tag("db")
class McpOffRouteTest extends BridgeRouteTestSupport {

    @Override
    protected void extraProperties(Properties p) {
        p.setProperty("bridge.admin.token", "");
        fastSandbox(p);
    }

    @Test
    void theEndpointIsOffWithoutAToken() throws Exception {
        HttpResponse<String> r = post(httpPort, "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\"}}", "Content-Type", "application/json", "Authorization", "Bearer anything");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("BRIDGE_ADMIN_TOKEN");
        assertThat(get(httpPort, "/mcp").statusCode()).isEqualTo(404);
    }
}
