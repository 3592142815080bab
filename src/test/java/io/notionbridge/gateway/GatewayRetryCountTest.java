package io.notionbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionUnavailableException;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.observe.RequestLogEntry;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Test;

/** bridge.notion.max-attempts counts attempts exactly: 2 means the first try and one retry. */
class GatewayRetryCountTest extends BridgeRouteTestSupport {

    @Override
    protected void extraProperties(Properties p) {
        fastSandbox(p);
        p.setProperty("bridge.notion.max-attempts", "2");
        p.setProperty("bridge.notion.backoff.base-ms", "10");
        p.setProperty("bridge.notion.backoff.max-ms", "20");
    }

    @Test
    void twoAttemptsMeanOneRetry() {
        NotionSandbox sandbox = context.getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
        NotionClient client = context.getRegistry().lookupByNameAndType("notionClient", NotionClient.class);
        sandbox.faults().failNext("GET", "/v1/users/me", 503, 1);
        assertThat(client.call(NotionRequest.get("/v1/users/me")).path("type").asText()).isEqualTo("bot");

        sandbox.requestLog().reset();
        sandbox.faults().failNext("GET", "/v1/users/me", 503, 5);
        assertThatThrownBy(() -> client.call(NotionRequest.get("/v1/users/me"))).isInstanceOf(NotionUnavailableException.class);
        assertThat(sandbox.requestLog().entries(e -> e.path().equals("/v1/users/me")).stream().map(RequestLogEntry::status))
                .containsExactly(503, 503);
    }
}
