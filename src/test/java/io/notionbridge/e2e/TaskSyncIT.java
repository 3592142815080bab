package io.notionbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.testing.BridgeProcess;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-way task sync as a newcomer sees it: the packaged jar in sandbox mode, no setup. A person edits a task page in
 * the sandbox (admin API, "in the Notion UI"); the tasks table follows. A worker claims it through the task API; the
 * sandbox's page follows.
 */
class TaskSyncIT {

    private static final String PAGE = "6701b313-9e36-5ff7-84f4-b4e6cee24839"; // "Why GPUs are fast", demo data
    private static final String MAYA = "9e0c1a2b-3d4e-4f50-8a61-000000000001";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = send(b);
        assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private JsonNode post(String url, String body) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private JsonNode await(String what, BridgeProcess bridge, ThrowingSupplier<JsonNode> read, Predicate<JsonNode> done)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            bridge.process().waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("timed out waiting for " + what + "; last: " + last + "\n" + bridge.log());
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    @Test
    void anEditInTheSandboxReachesTheTasksTableAndAClaimReachesTheSandbox() throws Exception {
        int sandboxPort = BridgeRouteTestSupport.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("BRIDGE_DB_URL", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        env.put("BRIDGE_SANDBOX_PORT", Integer.toString(sandboxPort));
        env.put("BRIDGE_TASKS_PUSH_PERIOD_MS", "1000");
        env.put("BRIDGE_TASKS_INBOX_PERIOD_MS", "200");
        try (BridgeProcess bridge = BridgeProcess.start(env)) {
            bridge.awaitHealthy(WAIT);
            String sandbox = "http://127.0.0.1:" + sandboxPort;
            String api = "http://127.0.0.1:" + bridge.httpPort();

            await("the sandbox's handshake to the runtime", bridge, () -> get(sandbox + "/_sandbox/webhooks"),
                    w -> w.toString().contains("/webhook/notion") && w.toString().contains("\"verification\"")
                            && w.toString().contains("\"status\":200"));

            post(sandbox + "/_sandbox/ui/pages/" + PAGE, "{\"user_id\":\"" + MAYA + "\","
                    + "\"properties\":{\"Status\":{\"status\":{\"name\":\"Queued\"}}}}");
            JsonNode pending = await("the task to be pending", bridge, () -> get(api + "/api/tasks?status=pending"),
                    l -> l.path("tasks").toString().contains(PAGE));
            JsonNode task = null;
            for (JsonNode t : pending.path("tasks")) {
                if (t.path("notionPageId").asText().equals(PAGE)) {
                    task = t;
                }
            }
            assertThat(task).isNotNull();
            assertThat(task.path("title").asText()).isEqualTo("Why GPUs are fast");
            assertThat(task.path("channel").asText()).isEqualTo("tech-explained");
            assertThat(task.path("priority").asText()).isEqualTo("high");

            JsonNode claimed = post(api + "/api/tasks/claim", "{\"worker\":\"render-1\"}");
            assertThat(claimed.path("notionPageId").asText()).isEqualTo(PAGE);
            assertThat(claimed.path("status").asText()).isEqualTo("processing");

            await("the sandbox page to show Processing", bridge, () -> get(sandbox + "/v1/pages/" + PAGE,
                    "Authorization", "Bearer secret_sandbox_token", "Notion-Version", "2026-03-11"),
                    p -> "Processing".equals(p.path("properties").path("Status").path("status").path("name").asText()));
            await("the push to be recorded", bridge, () -> get(api + "/api/tasks/" + claimed.path("id").asText()),
                    t -> !t.path("pushPending").asBoolean());
            JsonNode inbox = await("the bridge's own edit to be ignored", bridge, () -> get(api + "/api/webhooks/inbox"),
                    i -> i.path("counts").path("ignored").asInt() >= 1);
            assertThat(inbox.path("counts").path("parked").asInt()).isZero();

            bridge.terminate(Duration.ofSeconds(45));
            String log = bridge.log();
            assertThat(log).contains("is shutdown");
            assertThat(log).contains("Task sync: Notion sandbox subscribed to http://127.0.0.1:" + bridge.httpPort()
                    + "/webhook/notion");
            assertThat(log).containsPattern("corr=[0-9a-f-]{36} - Task \\d+ (created|updated) from Notion page " + PAGE);
            assertThat(log).containsPattern("corr=task-\\d+ - Task \\d+ pushed to Notion page " + PAGE);
        }
    }

    @Test
    void anInvalidChannelsFolderEndsTheStartWithOneClearLine() throws Exception {
        Map<String, String> env = Map.of("BRIDGE_CHANNELS_DIR", dir.resolve("no-channels").toString(),
                "BRIDGE_DB_URL", "jdbc:h2:file:" + dir.resolve("store2").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "BRIDGE_SANDBOX_PORT", Integer.toString(BridgeRouteTestSupport.freePort()));
        try (BridgeProcess bridge = BridgeProcess.start(env)) {
            assertThat(bridge.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(bridge.process().exitValue()).isEqualTo(1);
            assertThat(bridge.log()).contains("error: channels folder " + dir.resolve("no-channels").toAbsolutePath()
                    + " does not exist or is not a folder");
        }
    }
}
