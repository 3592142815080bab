package io.notionbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Properties;

import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Without bridge.admin.token the admin API is off. */
@Tag("db")
class AdminApiOffTest extends BridgeRouteTestSupport {

    @Override
    protected void extraProperties(Properties p) {
        AdminApiTest.common(p);
    }

    @Test
    void theAdminApiIsOff() throws Exception {
        HttpResponse<String> r = get(httpPort, "/admin/jobs");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("BRIDGE_ADMIN_TOKEN");
    }
}
