package io.notionbridge.ops.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The MCP endpoint through Camel Main: routes/mcp.camel.yaml on platform-http, the real job service and sandbox. */
@Tag("db")
class McpRouteTest extends BridgeRouteTestSupport {

    private static final String TOKEN = "test-token";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void extraProperties(Properties p) {
        p.setProperty("bridge.admin.token", TOKEN);
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.scheduler.enabled", "false");
        p.setProperty("bridge.sandbox.rate-limit", "off");
        p.setProperty("bridge.notion.rate-limit", "500");
    }

    private HttpResponse<String> mcp(String body, String... headers) throws Exception {
        List<String> h = new ArrayList<>(List.of("Content-Type", "application/json", "Accept", "application/json, text/event-stream"));
        h.addAll(List.of(headers));
        return post(httpPort, "/mcp", body, h.toArray(String[]::new));
    }

    private String initialize() throws Exception {
        HttpResponse<String> r = mcp("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"route-test\",\"version\":\"1\"}}}",
                "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(json.readTree(r.body()).at("/result/protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(r.headers().firstValue("Authorization")).as("the token is never echoed").isEmpty();
        String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> initialized = mcp("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "Authorization", "Bearer " + TOKEN, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18");
        assertThat(initialized.statusCode()).isEqualTo(202);
        assertThat(initialized.body()).isEmpty();
        return session;
    }

    private JsonNode request(String session, String method, String params) throws Exception {
        HttpResponse<String> r = mcp("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"" + method + "\",\"params\":" + params + "}",
                "Authorization", "Bearer " + TOKEN, "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void withoutOrWithAWrongTokenIs401() throws Exception {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}";
        HttpResponse<String> none = mcp(init);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json.readTree(none.body()).at("/error/code").asInt()).isEqualTo(-32000);
        HttpResponse<String> wrong = mcp(init, "Authorization", "Bearer not-" + TOKEN);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(TOKEN);
        assertThat(wrong.headers().firstValue("Mcp-Session-Id")).isEmpty();
    }

    @Test
    void initializeOpensASessionAndToolsListHasTheFourTools() throws Exception {
        String session = initialize();
        JsonNode tools = request(session, "tools/list", "{}").at("/result/tools");
        assertThat(tools.findValuesAsText("name")).contains("sync-suppression-cache", "push-batch", "sync-warehouse", "stats");
        assertThat(tools).hasSize(4);
        HttpResponse<String> noSession = mcp("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}", "Authorization",
                "Bearer " + TOKEN);
        assertThat(noSession.statusCode()).isEqualTo(400);
    }

    @Test
    void statsAndADryRunOfTheSuppressionSync() throws Exception {
        String session = initialize();
        JsonNode dry = request(session, "tools/call", "{\"name\":\"sync-suppression-cache\",\"arguments\":{\"dry_run\":true}}")
                .get("result");
        assertThat(dry.get("isError").asBoolean()).as(dry.toString()).isFalse();
        assertThat(dry.at("/structuredContent/dryRun").asBoolean()).isTrue();
        assertThat(dry.at("/structuredContent/pagesFetched").asInt()).as("the sandbox's demo CRM").isPositive();
        assertThat(json.readTree(dry.at("/content/0/text").asText()).get("mode").asText()).isNotBlank();

        JsonNode stats = request(session, "tools/call", "{\"name\":\"stats\",\"arguments\":{\"job\":\"suppression-sync\"}}")
                .get("result");
        assertThat(stats.get("isError").asBoolean()).isFalse();
        assertThat(stats.at("/structuredContent/name").asText()).isEqualTo("suppression-sync");
        assertThat(stats.at("/structuredContent/runs").asInt()).as("a dry run leaves no history").isZero();
        JsonNode all = request(session, "tools/call", "{\"name\":\"stats\"}").get("result");
        assertThat(all.at("/structuredContent/jobs").findValuesAsText("name")).contains("suppression-sync", "housekeeping");

        JsonNode push = request(session, "tools/call", "{\"name\":\"push-batch\",\"arguments\":{\"dry_run\":true}}").get("result");
        assertThat(push.get("isError").asBoolean()).as(push.toString()).isFalse();
        assertThat(push.at("/structuredContent/dry_run").asBoolean()).as(push.toString()).isTrue();

        JsonNode warehouse = request(session, "tools/call", "{\"name\":\"sync-warehouse\",\"arguments\":{\"dry_run\":true}}")
                .get("result");
        assertThat(warehouse.get("isError").asBoolean()).as("the warehouse sync has no dry run").isTrue();
        assertThat(warehouse.at("/content/0/text").asText()).contains("has no dry run");
    }

    @Test
    void getIs405AndDeleteEndsTheSession() throws Exception {
        String session = initialize();
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/mcp"))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST, DELETE");
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/mcp"))
                .header("Authorization", "Bearer " + TOKEN).header("Mcp-Session-Id", session).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(204);
        HttpResponse<String> after = mcp("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}", "Authorization", "Bearer " + TOKEN,
                "Mcp-Session-Id", session);
        assertThat(after.statusCode()).isEqualTo(404);
    }

    @Test
    void aParseErrorIsAnsweredAsJsonRpc() throws Exception {
        HttpResponse<String> r = mcp("{not json", "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readTree(r.body()).at("/error/code").asInt()).isEqualTo(-32700);
    }
}
