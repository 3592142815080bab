package io.notionbridge.ops.mcp;

import io.notionbridge.ops.BearerToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The Streamable HTTP transport and JSON-RPC handling, without Camel: a fake job service behind the tools. */
class McpServerTest {

    private static final String TOKEN = "s3cret-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Jobs as a runtime with only the suppression sync and housekeeping has them. */
    static class FakeJobs implements McpJobs {
        final List<String> runs = new ArrayList<>();
        final Map<String, Object> lastHeaders = new LinkedHashMap<>();
        boolean lastDryRun;
        RuntimeException failure;
        Object result = Map.of("mode", "incremental", "pagesFetched", 3, "errors", 0);

        @Override
        public List<String> available() {
            return List.of("suppression-sync", "housekeeping");
        }

        @Override
        public Object run(String job, boolean dryRun, Map<String, Object> headers) {
            runs.add(job);
            lastDryRun = dryRun;
            lastHeaders.clear();
            lastHeaders.putAll(headers);
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        @Override
        public Object status(String job) {
            return Map.of("name", job, "runs", 2, "failures", 0);
        }
    }

    private final FakeJobs jobs = new FakeJobs();
    private final McpSessions sessions = new McpSessions(Duration.ofMinutes(60), 10, Clock.systemUTC());
    private final McpServer server = server(TOKEN, "https://ops.example.com");

    private McpServer server(String token, String origins) {
        return new McpServer(new BearerToken(token), OriginPolicy.parse(origins), sessions,
                new McpProtocol(new McpTools(jobs), "9.9.9"));
    }

    private static Map<String, String> headers(String... kv) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + TOKEN);
        h.put("Content-Type", "application/json");
        h.put("Accept", "application/json, text/event-stream");
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                h.remove(kv[i]);
            } else {
                h.put(kv[i], kv[i + 1]);
            }
        }
        return h;
    }

    private McpHttpResponse post(String body, String... kv) {
        return server.handle(new McpHttpRequest("POST", headers(kv), body));
    }

    private static JsonNode json(McpHttpResponse r) throws Exception {
        return JSON.readTree(r.body());
    }

    private String initialize(String version) throws Exception {
        McpHttpResponse r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
        assertThat(r.status()).isEqualTo(200);
        String session = r.headers().get("Mcp-Session-Id");
        assertThat(session).isNotBlank().matches("[\\x21-\\x7E]+");
        return session;
    }

    private JsonNode call(String session, String method, String params) throws Exception {
        McpHttpResponse r = post("{\"jsonrpc\":\"2.0\",\"id\":\"r-7\",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}", "Mcp-Session-Id", session,
                "MCP-Protocol-Version", "2025-06-18");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.headers()).containsEntry("Content-Type", "application/json");
        JsonNode body = json(r);
        assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.get("id").asText()).isEqualTo("r-7");
        return body;
    }

    // ---- transport: off, origin, token, HTTP method, headers ------------------------------------------------------

    @Test
    void withoutATokenTheEndpointIsOff() throws Exception {
        McpServer off = server("", null);
        McpHttpResponse r = off.handle(new McpHttpRequest("POST", headers(), "{}"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(json(r).get("message").asText()).contains("BRIDGE_ADMIN_TOKEN");
        assertThat(off.handle(new McpHttpRequest("GET", Map.of(), null)).status()).isEqualTo(404);
    }

    @Test
    void aMissingOrWrongTokenIs401WithAJsonRpcErrorAndWwwAuthenticate() throws Exception {
        McpHttpResponse missing = post("{}", "Authorization", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.headers().get("WWW-Authenticate")).startsWith("Bearer");
        assertThat(json(missing).get("error").get("code").asInt()).isEqualTo(-32000);
        assertThat(json(missing).get("id").isNull()).isTrue();

        for (String wrong : new String[] {"Bearer nope", "Bearer " + TOKEN + "x", "Basic " + TOKEN, TOKEN, "Bearer "}) {
            McpHttpResponse r = post("{}", "Authorization", wrong);
            assertThat(r.status()).as(wrong).isEqualTo(401);
            assertThat(r.body()).doesNotContain(TOKEN);
        }
        assertThat(post("{}", "Authorization", "bearer " + TOKEN).status()).as("the scheme is case-insensitive").isNotEqualTo(401);
    }

    @Test
    void browserOriginsMustBeLoopbackOrAllowListed() {
        assertThat(post("{}", "Origin", "https://evil.example").status()).isEqualTo(403);
        assertThat(post("{}", "Origin", "null").status()).isEqualTo(403);
        for (String ok : new String[] {"http://localhost:6274", "http://127.0.0.1", "http://[::1]:3000", "https://ops.example.com",
            "https://OPS.example.com/"}) {
            assertThat(post("{}", "Origin", ok).status()).as(ok).isNotEqualTo(403);
        }
    }

    @Test
    void getIs405BecauseThereIsNoServerStreamAndOtherMethodsToo() throws Exception {
        McpHttpResponse get = server.handle(new McpHttpRequest("GET", headers("Accept", "text/event-stream"), null));
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.headers()).containsEntry("Allow", "POST, DELETE");
        assertThat(json(get).get("error").get("code").asInt()).isEqualTo(-32000);
        assertThat(server.handle(new McpHttpRequest("PUT", headers(), "{}")).status()).isEqualTo(405);
    }

    @Test
    void postNeedsJsonContentTypeAndAnAcceptThatTakesJson() {
        assertThat(post("{}", "Content-Type", "text/plain").status()).isEqualTo(415);
        assertThat(post("{}", "Content-Type", null).status()).isEqualTo(415);
        assertThat(post("{}", "Accept", "text/event-stream").status()).isEqualTo(406);
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}";
        assertThat(post(init, "Accept", "*/*").status()).isEqualTo(200);
        assertThat(post(init, "Accept", null).status()).isEqualTo(200);
        assertThat(post(init, "Content-Type", "application/json; charset=utf-8").status()).isEqualTo(200);
    }

    // ---- JSON-RPC errors --------------------------------------------------------------------------------------------

    @Test
    void unparsableJsonIsAParseError() throws Exception {
        for (String bad : new String[] {"{\"jsonrpc\":", "", "{} {}", "nope"}) {
            McpHttpResponse r = post(bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(json(r).get("error").get("code").asInt()).as(bad).isEqualTo(-32700);
            assertThat(json(r).get("id").isNull()).isTrue();
        }
    }

    @Test
    void aParseErrorSaysWhereTheJsonBroke() throws Exception {
        String message = json(post("{\"jsonrpc\": \"2.0\",\n \"id\": 1,\n \"method\" \"ping\"}")).at("/error/message").asText();
        assertThat(message).startsWith("Parse error: the body is not valid JSON at line 3, column ")
                .contains("was expecting a colon").endsWith("; send one JSON-RPC message");
        assertThat(json(post("  ")).at("/error/message").asText()).isEqualTo("Parse error: the body is empty; send one "
                + "JSON-RPC message");
    }

    @Test
    void messagesThatAreNotJsonRpcAreInvalidRequests() throws Exception {
        String s = initialize("2025-06-18");
        for (String bad : new String[] {"42", "\"x\"", "{\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":\"x\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}"}) {
            McpHttpResponse r = post(bad, "Mcp-Session-Id", s);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(json(r).get("error").get("code").asInt()).as(bad).isEqualTo(-32600);
        }
        McpHttpResponse withId = post("{\"jsonrpc\":\"1.0\",\"id\":\"k\",\"method\":\"ping\"}", "Mcp-Session-Id", s);
        assertThat(json(withId).get("id").asText()).as("a valid id is echoed").isEqualTo("k");
    }

    @Test
    void anUnknownMethodIsMethodNotFound() throws Exception {
        String s = initialize("2025-06-18");
        JsonNode r = call(s, "resources/list", "{}");
        assertThat(r.get("error").get("code").asInt()).isEqualTo(-32601);
        assertThat(r.get("error").get("message").asText()).contains("resources/list");
        assertThat(r.has("result")).isFalse();
    }

    @Test
    void arrayParamsAreInvalidParams() throws Exception {
        String s = initialize("2025-06-18");
        assertThat(call(s, "tools/list", "[]").get("error").get("code").asInt()).isEqualTo(-32602);
    }

    // ---- sessions and protocol versions ----------------------------------------------------------------------------

    @Test
    void initializeNegotiatesTheRevisionAndDescribesTheServer() throws Exception {
        McpHttpResponse r = post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        JsonNode result = json(r).get("result");
        assertThat(json(r).get("id").asInt()).isZero();
        assertThat(result.get("protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(result.at("/capabilities/tools/listChanged").asBoolean(true)).isFalse();
        assertThat(result.at("/serverInfo/name").asText()).isEqualTo("notion-bridge");
        assertThat(result.at("/serverInfo/version").asText()).isEqualTo("9.9.9");

        assertThat(version("2025-03-26")).as("the older revision is accepted").isEqualTo("2025-03-26");
        assertThat(version("2024-11-05")).as("an unsupported one gets ours").isEqualTo("2025-06-18");
        assertThat(version("2099-01-01")).isEqualTo("2025-06-18");

        McpHttpResponse noVersion = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
        assertThat(json(noVersion).get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(noVersion.headers()).doesNotContainKey("Mcp-Session-Id");
        McpHttpResponse noParams = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}");
        assertThat(json(noParams).get("error").get("code").asInt()).isEqualTo(-32602);
    }

    private String version(String requested) throws Exception {
        McpHttpResponse r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + requested + "\"}}");
        return json(r).at("/result/protocolVersion").asText();
    }

    @Test
    void everyRequestAfterInitializeNeedsALiveSession() throws Exception {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
        McpHttpResponse missing = post(ping);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(json(missing).get("error").get("message").asText()).contains("Mcp-Session-Id");
        McpHttpResponse unknown = post(ping, "Mcp-Session-Id", "no-such-session");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(json(unknown).get("error").get("code").asInt()).isEqualTo(-32001);

        String s = initialize("2025-06-18");
        assertThat(json(post(ping, "Mcp-Session-Id", s)).get("result").isObject()).as("ping answers {}").isTrue();

        McpHttpResponse end = server.handle(new McpHttpRequest("DELETE", headers("Mcp-Session-Id", s), null));
        assertThat(end.status()).isEqualTo(204);
        assertThat(post(ping, "Mcp-Session-Id", s).status()).as("an ended session is gone").isEqualTo(404);
        assertThat(server.handle(new McpHttpRequest("DELETE", headers("Mcp-Session-Id", s), null)).status()).isEqualTo(404);
        assertThat(server.handle(new McpHttpRequest("DELETE", headers(), null)).status()).isEqualTo(400);
    }

    @Test
    void anUnsupportedProtocolVersionHeaderIs400() throws Exception {
        String s = initialize("2025-06-18");
        McpHttpResponse r = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", "Mcp-Session-Id", s,
                "MCP-Protocol-Version", "1999-01-01");
        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("error").get("message").asText()).contains("1999-01-01").contains("2025-06-18");
        assertThat(post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", "Mcp-Session-Id", s).status())
                .as("no header: assumed fine").isEqualTo(200);
    }

    @Test
    void notificationsAndClientResponsesAre202WithoutABody() throws Exception {
        String s = initialize("2025-06-18");
        McpHttpResponse r = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "Mcp-Session-Id", s);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body()).isNull();
        assertThat(sessions.find(s).orElseThrow().initialized()).isTrue();
        assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3}}",
                "Mcp-Session-Id", s).status()).isEqualTo(202);
        assertThat(post("{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}", "Mcp-Session-Id", s).status()).isEqualTo(202);
        assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").status())
                .as("notifications need the session too").isEqualTo(400);
    }

    @Test
    void batchesOnlyIn2025_03_26Sessions() throws Exception {
        String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"},{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{}},7]";
        String current = initialize("2025-06-18");
        McpHttpResponse refused = post(batch, "Mcp-Session-Id", current);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(json(refused).get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(json(refused).get("error").get("message").asText()).contains("batches");

        String older = initialize("2025-03-26");
        McpHttpResponse r = post(batch, "Mcp-Session-Id", older, "MCP-Protocol-Version", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode answers = json(r);
        assertThat(answers.isArray()).isTrue();
        assertThat(answers).hasSize(4);
        assertThat(answers.get(0).get("result").isObject()).isTrue();
        assertThat(answers.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
        assertThat(answers.get(2).get("error").get("code").asInt()).as("initialize is not batched").isEqualTo(-32600);
        assertThat(answers.get(3).get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(post("[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]", "Mcp-Session-Id", older).status())
                .isEqualTo(202);
        assertThat(post("[]", "Mcp-Session-Id", older).status()).isEqualTo(400);
    }

    // ---- tools ------------------------------------------------------------------------------------------------------

    @Test
    void toolsListHasTheFourToolsWithJsonSchemas() throws Exception {
        String s = initialize("2025-06-18");
        JsonNode tools = call(s, "tools/list", "{}").at("/result/tools");
        List<String> names = new ArrayList<>();
        tools.forEach(t -> names.add(t.get("name").asText()));
        assertThat(names).containsExactly("sync-suppression-cache", "push-batch", "sync-warehouse", "stats");
        for (JsonNode t : tools) {
            assertThat(t.at("/inputSchema/type").asText()).isEqualTo("object");
            assertThat(t.at("/inputSchema/additionalProperties").asBoolean(true)).isFalse();
            assertThat(t.get("description").asText()).isNotBlank();
        }
        assertThat(tools.get(1).at("/inputSchema/properties/limit/type").asText()).isEqualTo("integer");
        assertThat(tools.get(1).at("/inputSchema/properties/dry_run/type").asText()).isEqualTo("boolean");
        assertThat(tools.get(2).at("/inputSchema/properties/full_refresh/type").asText()).isEqualTo("boolean");
        assertThat(tools.get(3).at("/annotations/readOnlyHint").asBoolean()).isTrue();
    }

    @Test
    void aJobToolRunsItsJobWithTheArgumentsAsHeaders() throws Exception {
        String s = initialize("2025-06-18");
        JsonNode result = call(s, "tools/call", "{\"name\":\"sync-suppression-cache\",\"arguments\":{\"dry_run\":true,"
                + "\"full\":true}}").get("result");
        assertThat(jobs.runs).containsExactly("suppression-sync");
        assertThat(jobs.lastDryRun).isTrue();
        assertThat(jobs.lastHeaders).containsExactly(Map.entry("full", true));
        assertThat(result.get("isError").asBoolean()).isFalse();
        assertThat(result.at("/structuredContent/pagesFetched").asInt()).isEqualTo(3);
        assertThat(result.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(JSON.readTree(result.at("/content/0/text").asText())).isEqualTo(result.get("structuredContent"));

        call(s, "tools/call", "{\"name\":\"sync-suppression-cache\"}");
        assertThat(jobs.lastDryRun).as("no arguments: a real run").isFalse();
        assertThat(jobs.lastHeaders).isEmpty();
    }

    @Test
    void aToolWhoseJobIsNotInThisRuntimeSaysSo() throws Exception {
        String s = initialize("2025-06-18");
        JsonNode result = call(s, "tools/call", "{\"name\":\"push-batch\",\"arguments\":{\"limit\":5,\"key\":\"domain:acme.ai\"}}")
                .get("result");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").asText()).isEqualTo("job discovery-push is not available in this runtime");
        assertThat(call(s, "tools/call", "{\"name\":\"sync-warehouse\",\"arguments\":{\"database\":\"projects\","
                + "\"full_refresh\":true}}").at("/result/content/0/text").asText()).contains("warehouse-sync");
        assertThat(jobs.runs).isEmpty();
    }

    @Test
    void aFailingJobIsAToolErrorNotAProtocolError() throws Exception {
        String s = initialize("2025-06-18");
        jobs.failure = new IllegalStateException("Notion answered 401 unauthorized");
        JsonNode r = call(s, "tools/call", "{\"name\":\"sync-suppression-cache\",\"arguments\":{}}");
        assertThat(r.has("error")).isFalse();
        assertThat(r.at("/result/isError").asBoolean()).isTrue();
        assertThat(r.at("/result/content/0/text").asText()).contains("suppression-sync failed").contains("401 unauthorized");

        jobs.failure = null;
        jobs.result = Map.of("errors", 2, "errorMessages", List.of("page x: bad key"));
        JsonNode partial = call(s, "tools/call", "{\"name\":\"sync-suppression-cache\"}").get("result");
        assertThat(partial.get("isError").asBoolean()).as("a run that reports errors, as the CLI's exit 1").isTrue();
        assertThat(partial.at("/structuredContent/errors").asInt()).isEqualTo(2);
    }

    @Test
    void statsTellsOneJobOrAll() throws Exception {
        String s = initialize("2025-06-18");
        JsonNode all = call(s, "tools/call", "{\"name\":\"stats\"}").get("result");
        assertThat(all.get("isError").asBoolean()).isFalse();
        assertThat(all.at("/structuredContent/jobs").findValuesAsText("name")).containsExactly("suppression-sync", "housekeeping");
        JsonNode one = call(s, "tools/call", "{\"name\":\"stats\",\"arguments\":{\"job\":\"suppression-sync\"}}").get("result");
        assertThat(one.at("/structuredContent/runs").asInt()).isEqualTo(2);
        JsonNode byTool = call(s, "tools/call", "{\"name\":\"stats\",\"arguments\":{\"job\":\"sync-suppression-cache\"}}").get("result");
        assertThat(byTool.at("/structuredContent/name").asText()).isEqualTo("suppression-sync");
        JsonNode missing = call(s, "tools/call", "{\"name\":\"stats\",\"arguments\":{\"job\":\"discovery-push\"}}").get("result");
        assertThat(missing.get("isError").asBoolean()).isTrue();
        assertThat(missing.at("/content/0/text").asText()).contains("job discovery-push is not available in this runtime");
    }

    @Test
    void badToolArgumentsAreInvalidParamsListingEachProblem() throws Exception {
        String s = initialize("2025-06-18");
        JsonNode e = call(s, "tools/call", "{\"name\":\"push-batch\",\"arguments\":{\"limit\":0,\"dry_run\":\"yes\",\"key\":\" \","
                + "\"bogus\":1}}").get("error");
        assertThat(e.get("code").asInt()).isEqualTo(-32602);
        assertThat(e.at("/data/errors")).hasSize(4);
        assertThat(e.get("message").asText()).contains("unknown argument bogus").contains("limit must be between 1 and 10000")
                .contains("dry_run must be true or false").contains("key must not be empty");
        assertThat(call(s, "tools/call", "{\"name\":\"push-batch\",\"arguments\":{\"limit\":2.5}}").at("/error/message").asText())
                .contains("limit must be a whole number");
        assertThat(call(s, "tools/call", "{\"name\":\"sync-warehouse\",\"arguments\":{\"database\":7}}").at("/error/message").asText())
                .contains("database must be a string");
        assertThat(call(s, "tools/call", "{\"name\":\"stats\",\"arguments\":{\"job\":false}}").at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(call(s, "tools/call", "{\"name\":\"stats\",\"arguments\":[]}").at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(call(s, "tools/call", "{\"name\":\"nope\"}").at("/error/message").asText()).startsWith("Unknown tool: nope");
        assertThat(call(s, "tools/call", "{}").at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(call(s, "tools/call", null).at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(jobs.runs).isEmpty();
    }

    @Test
    void argumentsBecomeTypedJobHeaders() throws Exception {
        FakeJobs discovery = new FakeJobs() {
            @Override
            public List<String> available() {
                return List.of("discovery-push", "warehouse-sync");
            }
        };
        McpTools tools = new McpTools(discovery);
        JsonNode r = tools.call("push-batch", JSON.readTree("{\"limit\":25.0,\"key\":\" domain:acme.ai \",\"dry_run\":true}"));
        assertThat(r.get("isError").asBoolean()).isFalse();
        assertThat(discovery.runs).containsExactly("discovery-push");
        assertThat(discovery.lastDryRun).isTrue();
        assertThat(discovery.lastHeaders).containsExactly(Map.entry("limit", 25), Map.entry("key", "domain:acme.ai"));
        tools.call("sync-warehouse", JSON.readTree("{\"database\":\"projects\",\"full_refresh\":true}"));
        assertThat(discovery.lastHeaders).containsExactly(Map.entry("database", "projects"), Map.entry("fullRefresh", true));
        assertThat(discovery.lastDryRun).isFalse();
    }
}
