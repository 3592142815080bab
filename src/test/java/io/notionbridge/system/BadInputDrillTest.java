package io.notionbridge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.tasks.LogCapture;
import io.notionbridge.tasks.webhook.WebhookSignature;
import io.notionbridge.testing.BridgeRouteTestSupport;
import io.notionbridge.testing.HttpEndpoints;
import io.notionbridge.testing.StoreSnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The bad-input drill: every HTTP endpoint of the runtime (business and management port, read from the running
 * routers, so a new endpoint without cases fails {@code every endpoint is drilled}) gets malformed JSON, wrong JSON
 * types, huge bodies, wrong or missing signatures and tokens, SQL-looking and CRLF strings, unknown fields, wrong
 * content types and wrong methods. Each case asserts the exact 4xx, a JSON error whose message names the problem, no
 * secret in the answer (body or headers) nor in the log, a store unchanged to the last row (every table from the
 * store's metadata, counts and checksums), and a runtime that still answers. Where bad-looking input is valid data
 * (SQL-looking text in a company name, a worker, a review reason, an event id; unknown fields where the endpoint is a
 * tolerant reader) the case asserts it is stored verbatim and that only the expected tables changed. One runtime
 * serves every case.
 */
@Tag("db")
class BadInputDrillTest extends BridgeRouteTestSupport {

    private static final String ADMIN_TOKEN = "drill-admin-token-Zq7RkT3v";
    private static final String WEBHOOK_SECRET = "drill-webhook-secret-Hn4Wp2xd";
    private static final String AUTOMATION_SECRET = "drill-automation-secret-Xv9Ls1qe";
    private static final List<String> SECRETS = List.of(ADMIN_TOKEN, WEBHOOK_SECRET, AUTOMATION_SECRET);
    private static final String AUTOMATION_HEADER = "X-Bridge-Automation-Secret";
    /** Response headers an answer may carry; anything else would be an echo of the request. */
    private static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "content-length", "transfer-encoding",
            "allow", "www-authenticate", "mcp-session-id", "connection", "keep-alive", "date", "idempotent-replayed");
    private static final String SQL_DROP = "1; DROP TABLE tasks--";
    private static final String SQL_OR = "' OR '1'='1";
    private static final String PAGE_ID = "6701b313-9e36-5ff7-84f4-b4e6cee24839";
    private static final String JSON = "application/json";

    /** What a case tries. */
    enum Category {
        MALFORMED_JSON, WRONG_TYPES, HUGE_BODY, AUTH, INJECTION, UNKNOWN_FIELDS, WRONG_CONTENT_TYPE, WRONG_METHOD,
        BAD_HEADER
    }

    /** A 5 MB JSON array: over the port's limit (camel.server.max-body-size, 4 MiB). */
    private static final byte[] FIVE_MB = ("[" + "\"x\",".repeat(1_250_000) + "\"x\"]").getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json = new ObjectMapper();
    private String session;
    private long pendingTask;
    private long reviewTask;
    private long parkedEvent;
    /** The store after the last case: nothing else writes between cases (timers are off), so it is the next "before". */
    private StoreSnapshot last;

    @Override
    protected void extraProperties(Properties p) {
        fastSandbox(p);
        p.setProperty("bridge.discovery.demo-feed", "false");
        p.setProperty("bridge.tasks.sandbox-webhook", "false");
        p.setProperty("bridge.admin.token", ADMIN_TOKEN);
        p.setProperty("bridge.notion.webhook-secret", WEBHOOK_SECRET);
        p.setProperty("bridge.tasks.automation-secret", AUTOMATION_SECRET);
    }

    /** JMX on, as the runtime runs by default ({@code /observe/info} reads Camel's MBeans). */
    @Override
    protected boolean useJmx() {
        return true;
    }

    @TestFactory
    Stream<DynamicTest> drill() throws Exception {
        seed();
        session = mcpSession();
        List<Case> cases = cases();
        LogCapture log = LogCapture.capture();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the snapshot reads the store's tables", () -> assertThat(
                StoreSnapshot.of(db.dataSource()).tables().keySet().stream().map(t -> t.substring(t.indexOf('.') + 1)))
                .contains("tasks", "webhook_inbox", "webhook_secrets", "signals", "signal_processing", "job_runs")));
        tests.add(DynamicTest.dynamicTest("every endpoint is drilled", () -> everyEndpointIsDrilled(cases)));
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.endpoint() + " | " + c.category() + " | " + c.name(), () -> run(c)));
        }
        tests.add(DynamicTest.dynamicTest("valid requests are still served", this::validRequestsStillServed));
        tests.add(DynamicTest.dynamicTest("no secret in the log", () -> {
            try (log) {
                for (LogCapture.Line line : log.lines()) {
                    for (String secret : SECRETS) {
                        assertThat(line.message()).as("log line of %s", line.logger()).doesNotContain(secret);
                    }
                }
                assertThat(log.lines()).as("the drill ran with the log captured").isNotEmpty();
            }
        }));
        return tests.stream();
    }

    // ---- coverage --------------------------------------------------------------------------------------------

    private void everyEndpointIsDrilled(List<Case> cases) throws Exception {
        Set<HttpEndpoints.Endpoint> served = HttpEndpoints.served(context);
        Set<String> servedPaths = served.stream().map(HttpEndpoints.Endpoint::path).collect(Collectors.toSet());
        assertThat(servedPaths).as("every platform-http route of routes/ is served")
                .containsAll(HttpEndpoints.declaredIn(Path.of("routes")));
        assertThat(servedPaths).as("the management port is read too").contains("/observe/health", "/observe/metrics");
        Map<String, Set<Category>> covered = new TreeMap<>();
        for (Case c : cases) {
            covered.computeIfAbsent(c.endpoint(), k -> EnumSet.noneOf(Category.class)).add(c.category());
        }
        Set<String> servedKeys = served.stream().map(HttpEndpoints.Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(servedKeys).as("cases name endpoints the runtime serves").containsAll(covered.keySet());
        List<String> missing = new ArrayList<>();
        for (HttpEndpoints.Endpoint e : served) {
            Set<Category> needed = required(e);
            needed.removeAll(covered.getOrDefault(e.key(), Set.of()));
            if (!needed.isEmpty()) {
                missing.add(e + " lacks " + needed);
            }
        }
        assertThat(missing).as("endpoints without bad-input cases (add them to BadInputDrillTest)").isEmpty();
    }

    /** What every endpoint of this kind must be drilled with. */
    static Set<Category> required(HttpEndpoints.Endpoint e) {
        Set<Category> r = EnumSet.of(Category.WRONG_METHOD, Category.INJECTION, Category.UNKNOWN_FIELDS);
        if (!e.method().equals("GET")) {
            r.addAll(List.of(Category.MALFORMED_JSON, Category.WRONG_TYPES, Category.HUGE_BODY,
                    Category.WRONG_CONTENT_TYPE));
        }
        if (e.path().startsWith("/admin/") || e.path().startsWith("/mcp") || e.path().startsWith("/webhook/")) {
            r.add(Category.AUTH);
        }
        return r;
    }

    // ---- one case ----------------------------------------------------------------------------------------------

    private void run(Case c) throws Exception {
        StoreSnapshot before = last == null ? StoreSnapshot.of(db.dataSource()) : last;
        HttpResponse<String> r = send(c.req());
        StoreSnapshot after = StoreSnapshot.of(db.dataSource());
        last = after;
        String what = c.req().describe() + " -> " + r.statusCode() + " " + r.headers().map() + " " + clip(r.body());
        Expect x = c.expect();

        assertThat(r.statusCode()).as(what).isEqualTo(x.status());
        if (x.kind() == Kind.REFUSED) {
            assertThat(r.statusCode()).as("a refusal is a 4xx: " + what).isBetween(400, 499);
        }
        for (String secret : SECRETS) {
            assertThat(r.body()).as("no secret in the body: " + what).doesNotContain(secret);
            r.headers().map().forEach((name, values) -> assertThat(String.join(",", values))
                    .as("no secret in header " + name + ": " + what).doesNotContain(secret));
        }
        assertThat(r.headers().map().keySet()).as("no request header or parameter echoed: " + what)
                .allSatisfy(h -> assertThat(RESPONSE_HEADERS).contains(h.toLowerCase(Locale.ROOT)));
        if (x.codeAt() != null) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as("JSON answer: " + what).startsWith(JSON);
            JsonNode body = json.readTree(r.body());
            assertThat(body.at(x.codeAt()).asText()).as("error code: " + what).isEqualTo(String.valueOf(x.code()));
            String message = body.at(x.messageAt()).asText();
            assertThat(message).as("a message: " + what).isNotBlank();
            // invalid_signals lists its per-field problems in "errors" next to the summary message
            String told = message + " " + body.path("errors");
            for (String m : x.mentions()) {
                assertThat(told.toLowerCase(Locale.ROOT)).as("the message names the problem: " + what)
                        .contains(m.toLowerCase(Locale.ROOT));
            }
        }
        Set<String> changed = before.changedIn(after).stream().map(t -> t.substring(t.indexOf('.') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        if (x.kind() == Kind.STORED) {
            assertThat(changed).as("stored, in the expected tables only: " + before.describeChanges(after))
                    .isNotEmpty().isSubsetOf(x.mayChange());
            x.check().verify(r);
        } else {
            assertThat(changed).as("nothing stored: " + before.describeChanges(after) + " after " + what).isEmpty();
        }
        HttpResponse<String> info = get(httpPort, "/api/info");
        assertThat(info.statusCode()).as("the runtime still answers after " + what).isEqualTo(200);
    }

    private HttpResponse<String> send(Req q) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + (q.management ? managementPort : httpPort) + q.path)).timeout(Duration.ofSeconds(30))
                .method(q.method, q.body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(q.body));
        q.headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- the cases ------------------------------------------------------------------------------------------------

    private List<Case> cases() throws Exception {
        List<Case> all = new ArrayList<>();
        all.addAll(signals());
        all.addAll(taskList());
        all.addAll(taskGet());
        all.addAll(taskClaim());
        all.addAll(taskAction());
        all.addAll(inboxList());
        all.addAll(inboxReplay());
        all.addAll(webhook());
        all.addAll(admin());
        all.addAll(mcp());
        all.addAll(readOnly());
        return all;
    }

    private List<Case> signals() throws Exception {
        String e = "POST /api/signals";
        String ok = "{\"signal_type\":\"github_star_spike\",\"source_api\":\"github\",\"company_name\":\"Drill Co\","
                + "\"confidence\":0.8,\"website\":\"drill.example.org\"";
        List<Case> c = new ArrayList<>();
        c.add(refused(e, Category.MALFORMED_JSON, "truncated object", post("/api/signals", "{\"signal_type\": \"x\","),
                400, "invalid_json", "line 1, column"));
        c.add(refused(e, Category.MALFORMED_JSON, "single quotes", post("/api/signals", "{'signal_type': 'x'}"),
                400, "invalid_json", "line 1, column", "double-quote"));
        c.add(refused(e, Category.MALFORMED_JSON, "trailing garbage", post("/api/signals", ok + "} {}"),
                400, "invalid_json", "trailing"));
        c.add(refused(e, Category.MALFORMED_JSON, "empty body", post("/api/signals", ""), 400, "invalid_json", "empty"));
        c.add(refused(e, Category.WRONG_TYPES, "confidence as a string",
                post("/api/signals", ok.replace("0.8", "\"high\"") + "}"), 400, "invalid_signals", "confidence",
                "must be a number"));
        c.add(refused(e, Category.WRONG_TYPES, "confidence as an array",
                post("/api/signals", ok.replace("0.8", "[0.8]") + "}"), 400, "invalid_signals", "problem"));
        c.add(refused(e, Category.WRONG_TYPES, "company name as a number",
                post("/api/signals", ok.replace("\"Drill Co\"", "42") + "}"), 400, "invalid_signals", "1 of 1"));
        c.add(refused(e, Category.WRONG_TYPES, "array of arrays", post("/api/signals", "[[1, 2]]"),
                400, "invalid_signals", "nothing was stored"));
        c.add(refused(e, Category.WRONG_TYPES, "JSON null", post("/api/signals", "null"), 400, "invalid_request", "null"));
        c.add(refused(e, Category.WRONG_TYPES, "a string", post("/api/signals", "\"signal\""), 400, "invalid_request",
                "a string"));
        c.add(refused(e, Category.WRONG_TYPES, "valid item next to an invalid one",
                post("/api/signals", "[" + ok + "}," + ok.replace("0.8", "null") + "}]"), 400, "invalid_signals",
                "1 of 2 signal(s); nothing was stored"));
        c.add(refused(e, Category.HUGE_BODY, "2 MB, over bridge.signals.max-body-bytes",
                post("/api/signals", "[" + (ok + "},").repeat(16_000) + ok + "}]"), 413, "payload_too_large",
                "bridge.signals.max-body-bytes"));
        c.add(refused(e, Category.HUGE_BODY, "5 MB, over the port's limit", post("/api/signals", FIVE_MB),
                413, "payload_too_large", "camel.server.max-body-size"));
        c.add(refused(e, Category.INJECTION, "SQL in signal_type",
                post("/api/signals", ok.replace("github_star_spike", SQL_DROP) + "}"), 400, "invalid_signals",
                "is not a name"));
        c.add(refused(e, Category.INJECTION, "SQL in canonical_key",
                post("/api/signals", ok + ",\"canonical_key\":\"" + SQL_OR + "\"}"), 400,
                "invalid_signals", "problem"));
        c.add(stored(e, Category.INJECTION, "SQL in company_name is a name like any other",
                post("/api/signals", ok.replace("Drill Co", "Robert'); DROP TABLE signals;--") + "}"), 201,
                Set.of("signals", "signal_processing"), r -> assertThat(text("SELECT company_name FROM signals "
                        + "WHERE id = ?", json.readTree(r.body()).at("/signals/0/id").asLong()))
                        .isEqualTo("Robert'); DROP TABLE signals;--")));
        c.add(stored(e, Category.UNKNOWN_FIELDS, "unknown fields are ignored (tolerant reader), never stored",
                post("/api/signals", ok.replace("Drill Co", "Unknown Fields Ltd").replace("drill.example.org",
                        "unknown-fields.example.org") + ",\"favourite_colour\":\"'; DELETE FROM signals;--\"}"), 201,
                Set.of("signals", "signal_processing"), r -> assertThat(text("SELECT CONCAT(company_name, '|', "
                        + "COALESCE(raw_data, ''), '|', identity_hints) FROM signals WHERE id = ?",
                        json.readTree(r.body()).at("/signals/0/id").asLong()))
                        .startsWith("Unknown Fields Ltd|").doesNotContain("favourite_colour").doesNotContain("DELETE")));
        String keyed = ok.replace("Drill Co", "Keyed Co").replace("drill.example.org", "keyed.example.org") + "}";
        c.add(stored(e, Category.BAD_HEADER, "a request with an Idempotency-Key is stored with its answer",
                post("/api/signals", keyed).header("Idempotency-Key", "drill-key-1"), 201,
                Set.of("signals", "signal_processing", "signal_requests"), r -> assertThat(text("SELECT status FROM "
                        + "signal_requests WHERE idempotency_key = ?", "drill-key-1")).isEqualTo("201")));
        c.add(tolerated(e, Category.BAD_HEADER, "its resend gets the same answer and stores nothing",
                post("/api/signals", keyed).header("Idempotency-Key", "drill-key-1"), 201));
        c.add(refused(e, Category.BAD_HEADER, "the same Idempotency-Key with another body",
                post("/api/signals", ok + "}").header("Idempotency-Key", "drill-key-1"), 422, "idempotency_key_reused",
                "drill-key-1", "different request body"));
        c.add(refused(e, Category.BAD_HEADER, "an Idempotency-Key over 255 characters",
                post("/api/signals", ok + "}").header("Idempotency-Key", "k".repeat(300)), 400,
                "invalid_idempotency_key", "the limit is 255"));
        c.add(refused(e, Category.INJECTION, "SQL as the Idempotency-Key",
                post("/api/signals", ok + "}").header("Idempotency-Key", SQL_OR), 400, "invalid_idempotency_key",
                "visible ASCII"));
        c.add(refused(e, Category.WRONG_CONTENT_TYPE, "form", post("/api/signals", "signal_type=x&confidence=1")
                .ct("application/x-www-form-urlencoded"), 415, "unsupported_media_type", "application/json"));
        c.add(refused(e, Category.WRONG_CONTENT_TYPE, "multipart", multipart("/api/signals"), 415,
                "unsupported_media_type", "multipart/form-data"));
        c.add(refused(e, Category.WRONG_CONTENT_TYPE, "JSON sent as text/plain", post("/api/signals", ok + "}")
                .ct("text/plain"), 415, "unsupported_media_type", "text/plain"));
        c.add(refused(e, Category.WRONG_METHOD, "GET", call("GET", "/api/signals"), 405, "method_not_allowed",
                "use POST"));
        c.add(refused(e, Category.WRONG_METHOD, "DELETE", call("DELETE", "/api/signals"), 405, "method_not_allowed",
                "DELETE is not allowed"));
        c.add(refused(e, Category.WRONG_METHOD, "PUT with a valid body", post("/api/signals", ok + "}").method("PUT"),
                405, "method_not_allowed", "use POST"));
        return c;
    }

    private List<Case> taskList() {
        String e = "GET /api/tasks";
        return List.of(
                refused(e, Category.WRONG_TYPES, "limit not a number", call("GET", "/api/tasks?limit=ten"), 400,
                        "invalid_parameter", "limit 'ten'"),
                refused(e, Category.WRONG_TYPES, "negative limit", call("GET", "/api/tasks?limit=-5"), 400,
                        "invalid_parameter", "limit"),
                refused(e, Category.WRONG_TYPES, "after a fraction", call("GET", "/api/tasks?after=1.5"), 400,
                        "invalid_parameter", "after"),
                refused(e, Category.WRONG_TYPES, "limit too large for an int", call("GET", "/api/tasks?limit=99999999999"),
                        400, "invalid_parameter", "limit"),
                refused(e, Category.INJECTION, "SQL in status", call("GET", "/api/tasks?status=" + enc(SQL_OR)), 400,
                        "invalid_state", "is not a task state"),
                refused(e, Category.INJECTION, "SQL in channel", call("GET", "/api/tasks?channel=" + enc(SQL_DROP)), 400,
                        "unknown_channel", "is not configured"),
                tolerated(e, Category.INJECTION, "CRLF in an unknown parameter is not echoed",
                        call("GET", "/api/tasks?x=%0d%0aSet-Cookie:%20a%3Db"), 200),
                tolerated(e, Category.UNKNOWN_FIELDS, "unknown query parameters are ignored",
                        call("GET", "/api/tasks?colour=blue"), 200),
                refused(e, Category.WRONG_METHOD, "POST", post("/api/tasks", "{}"), 405, "method_not_allowed", "use GET"),
                refused(e, Category.WRONG_METHOD, "DELETE", call("DELETE", "/api/tasks"), 405, "method_not_allowed",
                        "use GET"));
    }

    private List<Case> taskGet() {
        String e = "GET /api/tasks/{id}";
        return List.of(
                refused(e, Category.INJECTION, "SQL as the id", call("GET", "/api/tasks/" + enc(SQL_DROP)), 400,
                        "invalid_id", "is not a number"),
                refused(e, Category.INJECTION, "OR 1=1 as the id", call("GET", "/api/tasks/" + enc(SQL_OR)), 400,
                        "invalid_id", "is not a number"),
                refused(e, Category.WRONG_TYPES, "fractional id", call("GET", "/api/tasks/1.5"), 400, "invalid_id",
                        "1.5"),
                refused(e, Category.WRONG_TYPES, "id over a long", call("GET", "/api/tasks/99999999999999999999"), 400,
                        "invalid_id", "is not a number"),
                refused(e, Category.WRONG_TYPES, "id repeated as a query parameter",
                        call("GET", "/api/tasks/" + pendingTask + "?id=" + reviewTask), 400, "invalid_id", "not a number"),
                refused(e, Category.UNKNOWN_FIELDS, "no such task", call("GET", "/api/tasks/987654321"), 404,
                        "task_not_found", "987654321"),
                tolerated(e, Category.UNKNOWN_FIELDS, "unknown query parameters are ignored",
                        call("GET", "/api/tasks/" + pendingTask + "?verbose=" + enc(SQL_OR)), 200),
                refused(e, Category.WRONG_METHOD, "DELETE", call("DELETE", "/api/tasks/" + pendingTask), 405,
                        "method_not_allowed", "use GET"),
                refused(e, Category.WRONG_METHOD, "PATCH", post("/api/tasks/" + pendingTask, "{\"status\":\"approved\"}")
                        .method("PATCH"), 405, "method_not_allowed", "use GET"));
    }

    private List<Case> taskClaim() {
        String e = "POST /api/tasks/claim";
        return List.of(
                refused(e, Category.MALFORMED_JSON, "truncated", post("/api/tasks/claim", "{\"worker\":"), 400,
                        "invalid_json", "line 1, column"),
                refused(e, Category.MALFORMED_JSON, "duplicate key",
                        post("/api/tasks/claim", "{\"worker\":\"a\",\"worker\":\"b\"}"), 400, "invalid_json", "duplicate"),
                refused(e, Category.WRONG_TYPES, "worker a number", post("/api/tasks/claim", "{\"worker\":42}"), 400,
                        "invalid_field", "'worker' must be a string, got a number"),
                refused(e, Category.WRONG_TYPES, "worker null", post("/api/tasks/claim", "{\"worker\":null}"), 400,
                        "missing_field", "'worker' is required"),
                refused(e, Category.WRONG_TYPES, "an array", post("/api/tasks/claim", "[{\"worker\":\"w\"}]"), 400,
                        "invalid_request", "must be a JSON object, got an array"),
                refused(e, Category.WRONG_TYPES, "worker longer than its column",
                        post("/api/tasks/claim", "{\"worker\":\"" + "w".repeat(201) + "\"}"), 400, "invalid_field",
                        "at most 200"),
                refused(e, Category.HUGE_BODY, "100 KB, over the command limit",
                        post("/api/tasks/claim", "{\"worker\":\"" + "w".repeat(100_000) + "\"}"), 413, "payload_too_large",
                        "65,536"),
                refused(e, Category.HUGE_BODY, "5 MB", post("/api/tasks/claim", FIVE_MB), 413,
                        "payload_too_large", "camel.server.max-body-size"),
                refused(e, Category.INJECTION, "SQL as the channel",
                        post("/api/tasks/claim", "{\"worker\":\"w1\",\"channel\":\"" + SQL_DROP + "\"}"), 400,
                        "unknown_channel", "is not configured"),
                stored(e, Category.INJECTION, "SQL-looking worker name is stored verbatim",
                        post("/api/tasks/claim", "{\"worker\":\"w'); DROP TABLE tasks;--\"}"), 200, Set.of("tasks"),
                        r -> {
                            assertThat(json.readTree(r.body()).path("id").asLong()).isEqualTo(pendingTask);
                            assertThat(text("SELECT claimed_by FROM tasks WHERE id = ?", pendingTask))
                                    .isEqualTo("w'); DROP TABLE tasks;--");
                        }),
                refused(e, Category.UNKNOWN_FIELDS, "misspelt field",
                        post("/api/tasks/claim", "{\"worker\":\"w1\",\"chanel\":\"money-minute\"}"), 400, "unknown_field",
                        "'chanel'", "worker, channel"),
                refused(e, Category.WRONG_CONTENT_TYPE, "curl -d (a form holding JSON)",
                        post("/api/tasks/claim", "{\"worker\":\"w1\"}").ct("application/x-www-form-urlencoded"), 415,
                        "unsupported_media_type", "application/json"),
                refused(e, Category.WRONG_CONTENT_TYPE, "XML", post("/api/tasks/claim", "<worker>w1</worker>")
                        .ct("application/xml"), 415, "unsupported_media_type", "application/xml"),
                refused(e, Category.WRONG_METHOD, "PUT", post("/api/tasks/claim", "{\"worker\":\"w1\"}").method("PUT"),
                        405, "method_not_allowed", "PUT is not allowed"));
    }

    private List<Case> taskAction() {
        String e = "POST /api/tasks/{id}/{action}";
        String t = "/api/tasks/" + reviewTask;
        return List.of(
                refused(e, Category.MALFORMED_JSON, "truncated", post(t + "/transition", "{\"to\": \"pending\""), 400,
                        "invalid_json", "line 1, column"),
                refused(e, Category.MALFORMED_JSON, "not JSON at all", post(t + "/priority", "priority=high"), 400,
                        "invalid_json", "line 1"),
                refused(e, Category.WRONG_TYPES, "to a number", post(t + "/transition", "{\"to\": 5}"), 400,
                        "invalid_field", "'to' must be a string"),
                refused(e, Category.WRONG_TYPES, "priority an array", post(t + "/priority", "{\"priority\":[\"high\"]}"),
                        400, "invalid_field", "got an array"),
                refused(e, Category.WRONG_TYPES, "body null", post(t + "/approve", "null"), 400, "invalid_request",
                        "got null"),
                refused(e, Category.WRONG_TYPES, "reason too long",
                        post(t + "/reject", "{\"reason\":\"" + "r".repeat(10_001) + "\"}"), 400, "invalid_field",
                        "at most 10000"),
                refused(e, Category.HUGE_BODY, "100 KB", post(t + "/approve", "{\"reason\":\"" + "r".repeat(100_000)
                        + "\"}"), 413, "payload_too_large", "65,536"),
                refused(e, Category.HUGE_BODY, "5 MB", post(t + "/approve", FIVE_MB), 413, "payload_too_large",
                        "camel.server.max-body-size"),
                refused(e, Category.INJECTION, "SQL as the target state",
                        post(t + "/transition", "{\"to\":\"" + SQL_DROP + "\"}"), 400, "invalid_state", "is not a task state"),
                refused(e, Category.INJECTION, "SQL as the priority", post(t + "/priority", "{\"priority\":\"" + SQL_OR
                        + "\"}"), 400, "invalid_priority", "low, normal, high"),
                refused(e, Category.INJECTION, "SQL as the id", post("/api/tasks/" + enc(SQL_DROP) + "/approve", "{}"),
                        400, "invalid_id", "is not a number"),
                refused(e, Category.INJECTION, "SQL as the action", post(t + "/" + enc(SQL_OR), "{}"), 404,
                        "unknown_action", "transition, approve, reject or priority"),
                stored(e, Category.INJECTION, "SQL-looking review reason is stored verbatim",
                        post(t + "/reject", "{\"reason\":\"'; UPDATE tasks SET status='approved' WHERE '1'='1\","
                                + "\"reviewer\":\"Bobby Tables\"}"), 200, Set.of("tasks"), r -> {
                            assertThat(json.readTree(r.body()).path("status").asText()).isEqualTo("rejected");
                            assertThat(text("SELECT CONCAT(review_note, '|', reviewed_by) FROM tasks WHERE id = ?",
                                    reviewTask)).isEqualTo("'; UPDATE tasks SET status='approved' WHERE '1'='1|Bobby Tables");
                            assertThat(text("SELECT status FROM tasks WHERE id = ?", pendingTask)).isEqualTo("processing");
                        }),
                refused(e, Category.UNKNOWN_FIELDS, "unknown field", post(t + "/transition",
                        "{\"to\":\"pending\",\"force\":true}"), 400, "unknown_field", "'force'", "to, worker"),
                refused(e, Category.WRONG_CONTENT_TYPE, "text/plain", post(t + "/priority", "{\"priority\":\"high\"}")
                        .ct("text/plain; charset=utf-8"), 415, "unsupported_media_type", "text/plain"),
                refused(e, Category.WRONG_METHOD, "GET", call("GET", t + "/approve"), 405, "method_not_allowed",
                        "use POST"));
    }

    private List<Case> inboxList() {
        String e = "GET /api/webhooks/inbox";
        return List.of(
                refused(e, Category.INJECTION, "SQL as the state", call("GET", "/api/webhooks/inbox?state=" + enc(SQL_OR)),
                        400, "invalid_state", "pending, done, ignored or parked"),
                refused(e, Category.WRONG_TYPES, "limit a word", call("GET", "/api/webhooks/inbox?limit=all"), 400,
                        "invalid_parameter", "limit 'all'"),
                refused(e, Category.WRONG_TYPES, "negative limit", call("GET", "/api/webhooks/inbox?limit=-1"), 400,
                        "invalid_parameter", "≥ 0"),
                tolerated(e, Category.UNKNOWN_FIELDS, "unknown query parameters are ignored",
                        call("GET", "/api/webhooks/inbox?sort=" + enc(SQL_DROP)), 200),
                refused(e, Category.WRONG_METHOD, "POST", post("/api/webhooks/inbox", "{}"), 405, "method_not_allowed",
                        "use GET"));
    }

    private List<Case> inboxReplay() {
        String e = "POST /api/webhooks/inbox/{id}/replay";
        String p = "/api/webhooks/inbox/" + parkedEvent + "/replay";
        return List.of(
                refused(e, Category.INJECTION, "SQL as the id", post("/api/webhooks/inbox/" + enc(SQL_DROP) + "/replay",
                        ""), 400, "invalid_id", "is not a number"),
                refused(e, Category.WRONG_TYPES, "no such event", post("/api/webhooks/inbox/424242/replay", ""), 404,
                        "event_not_found", "424242"),
                refused(e, Category.WRONG_TYPES, "an array body", post(p, "[1]"), 400, "invalid_request", "got an array"),
                refused(e, Category.MALFORMED_JSON, "malformed body", post(p, "{oops"), 400, "invalid_json",
                        "line 1, column"),
                refused(e, Category.UNKNOWN_FIELDS, "a field where none is taken", post(p, "{\"force\":true}"), 400,
                        "unknown_field", "none (send no body)"),
                refused(e, Category.HUGE_BODY, "100 KB", post(p, "{\"x\":\"" + "x".repeat(100_000) + "\"}"), 413,
                        "payload_too_large", "65,536"),
                refused(e, Category.HUGE_BODY, "5 MB", post(p, FIVE_MB), 413, "payload_too_large",
                        "camel.server.max-body-size"),
                refused(e, Category.WRONG_CONTENT_TYPE, "form", post(p, "force=true")
                        .ct("application/x-www-form-urlencoded"), 415, "unsupported_media_type", "application/json"),
                refused(e, Category.WRONG_METHOD, "GET", call("GET", p), 405, "method_not_allowed", "use POST"));
    }

    private List<Case> webhook() {
        String e = "POST /webhook/notion";
        String w = "/webhook/notion";
        String event = pageEvent("evt-drill-1", PAGE_ID);
        return List.of(
                refused(e, Category.AUTH, "no signature", post(w, event), 401, "missing_signature", "X-Notion-Signature"),
                refused(e, Category.AUTH, "wrong signature", post(w, event).header(WebhookSignature.HEADER,
                        WebhookSignature.sign("not-the-secret", event.getBytes(StandardCharsets.UTF_8))), 401,
                        "invalid_signature", "does not match"),
                refused(e, Category.AUTH, "signature of another body", post(w, event).header(WebhookSignature.HEADER,
                        WebhookSignature.sign(WEBHOOK_SECRET, "{}".getBytes(StandardCharsets.UTF_8))), 401,
                        "invalid_signature", "does not match"),
                refused(e, Category.AUTH, "malformed signature", post(w, event).header(WebhookSignature.HEADER,
                        "sha256=" + SQL_OR), 401, "invalid_signature", "does not match"),
                refused(e, Category.AUTH, "wrong automation secret", post(w, "{}").header(AUTOMATION_HEADER,
                        "not-" + AUTOMATION_SECRET), 401, "invalid_automation_secret", AUTOMATION_HEADER),
                refused(e, Category.MALFORMED_JSON, "signed but truncated", signed(w, "{\"id\":\"evt-x\","), 400,
                        "invalid_json", "line 1, column"),
                refused(e, Category.MALFORMED_JSON, "unsigned and malformed", post(w, "{nope"), 400, "invalid_json",
                        "line 1"),
                refused(e, Category.WRONG_TYPES, "id a number", signed(w, event.replace("\"evt-drill-1\"", "5")), 400,
                        "invalid_event", "needs an id and a type"),
                refused(e, Category.WRONG_TYPES, "an array", signed(w, "[" + event + "]"), 400, "invalid_event",
                        "needs an id and a type"),
                refused(e, Category.WRONG_TYPES, "entity.id an object", signed(w, event.replace("\"" + PAGE_ID + "\"",
                        "{\"id\":1}")), 400, "invalid_event", "entity.id"),
                refused(e, Category.WRONG_TYPES, "timestamp not a time", signed(w, event.replace(
                        "2026-07-04T09:00:00.000Z", "yesterday")), 400, "invalid_event", "timestamp"),
                refused(e, Category.WRONG_TYPES, "automation payload without a page", post(w, "{\"source\":{\"type\":"
                        + "\"automation\",\"event_id\":\"a1\"},\"data\":[]}").header(AUTOMATION_HEADER, AUTOMATION_SECRET),
                        400, "invalid_automation_payload", "a page in data"),
                refused(e, Category.HUGE_BODY, "2 MB signed, over bridge.tasks.webhook.max-body-bytes",
                        signed(w, "{\"id\":\"" + "x".repeat(2_000_000) + "\"}"), 413, "payload_too_large",
                        "bridge.tasks.webhook.max-body-bytes"),
                refused(e, Category.HUGE_BODY, "5 MB", post(w, FIVE_MB), 413, "payload_too_large",
                        "camel.server.max-body-size"),
                refused(e, Category.INJECTION, "SQL as the page id", signed(w, pageEvent("evt-drill-2", SQL_DROP)), 400,
                        "invalid_event", "not a Notion page id"),
                refused(e, Category.INJECTION, "overlong page id", signed(w, pageEvent("evt-drill-3", PAGE_ID + PAGE_ID)),
                        400, "invalid_event", "not a Notion page id"),
                stored(e, Category.INJECTION, "SQL-looking event id is stored verbatim",
                        signed(w, pageEvent("evt'); DROP TABLE webhook_inbox;--", PAGE_ID)), 200, Set.of("webhook_inbox"),
                        r -> assertThat(text("SELECT event_type FROM webhook_inbox WHERE event_id = ?",
                                "evt'); DROP TABLE webhook_inbox;--")).isEqualTo("page.created")),
                stored(e, Category.UNKNOWN_FIELDS, "fields Notion may add are tolerated; the payload is kept verbatim",
                        signed(w, "{\"brand_new_field\":{\"nested\":[1,2,\"" + SQL_OR + "\"]},"
                                + pageEvent("evt-drill-new-fields", PAGE_ID).substring(1)), 200,
                        Set.of("webhook_inbox"), r -> assertThat(text("SELECT payload FROM webhook_inbox WHERE "
                                + "event_id = ?", "evt-drill-new-fields")).contains("\"brand_new_field\"")
                                .contains(SQL_OR)),
                refused(e, Category.WRONG_CONTENT_TYPE, "form", signed(w, event).ct("application/x-www-form-urlencoded"),
                        415, "unsupported_media_type", "application/json"),
                refused(e, Category.WRONG_CONTENT_TYPE, "text/plain", signed(w, event).ct("text/plain"), 415,
                        "unsupported_media_type", "text/plain"),
                refused(e, Category.WRONG_METHOD, "GET", call("GET", w), 405, "method_not_allowed", "use POST"),
                refused(e, Category.WRONG_METHOD, "PUT signed", signed(w, event).method("PUT"), 405, "method_not_allowed",
                        "use POST"));
    }

    private List<Case> admin() {
        List<Case> c = new ArrayList<>();
        String list = "GET /admin/jobs";
        c.add(refused(list, Category.AUTH, "no token", call("GET", "/admin/jobs"), 401, "unauthorized",
                "Authorization: Bearer"));
        c.add(refused(list, Category.AUTH, "wrong token", admin("GET", "/admin/jobs").header("Authorization",
                "Bearer not-" + ADMIN_TOKEN), 401, "unauthorized", "wrong"));
        c.add(refused(list, Category.AUTH, "basic auth", admin("GET", "/admin/jobs").header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_TOKEN).getBytes(
                        StandardCharsets.UTF_8))), 401, "unauthorized", "Bearer"));
        c.add(refused(list, Category.INJECTION, "SQL as the token", admin("GET", "/admin/jobs").header("Authorization",
                "Bearer " + SQL_OR), 401, "unauthorized", "wrong"));
        c.add(tolerated(list, Category.UNKNOWN_FIELDS, "unknown query parameters are ignored",
                admin("GET", "/admin/jobs?job=" + enc(SQL_DROP)), 200));
        c.add(refused(list, Category.WRONG_METHOD, "DELETE", admin("DELETE", "/admin/jobs"), 405, "method_not_allowed",
                "use GET"));

        String one = "GET /admin/jobs/{job}";
        c.add(refused(one, Category.AUTH, "no token", call("GET", "/admin/jobs/housekeeping"), 401, "unauthorized",
                "Bearer"));
        c.add(refused(one, Category.INJECTION, "SQL as the job", admin("GET", "/admin/jobs/" + enc(SQL_DROP)), 404,
                "unknown_job", "no job"));
        c.add(tolerated(one, Category.UNKNOWN_FIELDS, "unknown query parameters are ignored",
                admin("GET", "/admin/jobs/housekeeping?x=" + enc(SQL_OR)), 200));
        c.add(refused(one, Category.WRONG_METHOD, "PUT", admin("PUT", "/admin/jobs/housekeeping"), 405,
                "method_not_allowed", "use GET"));

        String action = "POST /admin/jobs/{job}/{action}";
        String run = "/admin/jobs/discovery-push/run";
        c.add(refused(action, Category.AUTH, "no token", post(run, "{}"), 401, "unauthorized", "Bearer"));
        c.add(refused(action, Category.AUTH, "wrong token", post(run, "{}").header("Authorization", "Bearer x"), 401,
                "unauthorized", "wrong"));
        c.add(refused(action, Category.MALFORMED_JSON, "truncated", adminPost(run, "{\"limit\": 5"), 400, "invalid_json",
                "line 1, column"));
        c.add(refused(action, Category.WRONG_TYPES, "limit a string", adminPost(run, "{\"limit\":\"ten\"}"), 400,
                "invalid_option", "limit must be a whole number"));
        c.add(refused(action, Category.WRONG_TYPES, "limit a fraction", adminPost(run, "{\"limit\":1.5}"), 400,
                "invalid_option", "limit"));
        c.add(refused(action, Category.WRONG_TYPES, "limit out of range", adminPost(run, "{\"limit\":0}"), 400,
                "invalid_option", "from 1 to 10000"));
        c.add(refused(action, Category.WRONG_TYPES, "full a string", adminPost("/admin/jobs/suppression-sync/run",
                "{\"full\":\"yes\"}"), 400, "invalid_option", "full must be true or false"));
        c.add(refused(action, Category.WRONG_TYPES, "an array", adminPost(run, "[]"), 400, "invalid_request",
                "JSON object"));
        c.add(refused(action, Category.WRONG_TYPES, "dryRun not a boolean", adminPost(run + "?dryRun=maybe", ""), 400,
                "invalid_request", "dryRun must be true or false"));
        c.add(refused(action, Category.WRONG_TYPES, "dry run of a job without one",
                adminPost("/admin/jobs/task-push/run?dryRun=true", ""), 400, "no_dry_run", "task-push has no dry run"));
        c.add(refused(action, Category.HUGE_BODY, "100 KB", adminPost(run, "{\"key\":\"" + "k".repeat(100_000) + "\"}"),
                413, "payload_too_large", "65,536"));
        c.add(refused(action, Category.HUGE_BODY, "5 MB", adminPost(run, FIVE_MB), 413, "payload_too_large",
                "camel.server.max-body-size"));
        c.add(refused(action, Category.INJECTION, "SQL as the job", adminPost("/admin/jobs/" + enc(SQL_DROP) + "/run",
                ""), 404, "unknown_job", "no job"));
        c.add(refused(action, Category.INJECTION, "SQL as the action", adminPost("/admin/jobs/housekeeping/"
                + enc(SQL_OR), ""), 404, "not_found", "use run, pause or resume"));
        c.add(refused(action, Category.INJECTION, "SQL as the warehouse database",
                adminPost("/admin/jobs/warehouse-sync/run", "{\"database\":\"" + SQL_DROP + "\"}"), 400,
                "invalid_option", "is not one of"));
        c.add(refused(action, Category.UNKNOWN_FIELDS, "unknown option", adminPost("/admin/jobs/suppression-sync/run",
                "{\"fulll\":true}"), 400, "unknown_field", "'fulll'", "full, ttlDays"));
        c.add(refused(action, Category.UNKNOWN_FIELDS, "a field for pause", adminPost(
                "/admin/jobs/housekeeping/pause", "{\"minutes\":5}"), 400, "unknown_field", "none"));
        c.add(refused(action, Category.UNKNOWN_FIELDS, "an internal header as an option", adminPost(run,
                "{\"CamelHttpResponseCode\":200}"), 400, "unknown_field", "limit, key"));
        c.add(refused(action, Category.WRONG_CONTENT_TYPE, "form", adminPost(run, "limit=5")
                .ct("application/x-www-form-urlencoded"), 415, "unsupported_media_type", "application/json"));
        c.add(refused(action, Category.WRONG_METHOD, "GET", admin("GET", run), 405, "method_not_allowed", "use POST"));
        return c;
    }

    private List<Case> mcp() {
        String e = "* /mcp";
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"drill\",\"version\":\"1\"}}}";
        return List.of(
                rpc(e, Category.AUTH, "no token", post("/mcp", init).header("Accept", JSON), 401, -32000, "Unauthorized"),
                rpc(e, Category.AUTH, "wrong token", post("/mcp", init).header("Authorization", "Bearer " + SQL_OR), 401,
                        -32000, "token is wrong"),
                rpc(e, Category.AUTH, "foreign browser origin", mcpPost(init).header("Origin", "https://evil.example"),
                        403, -32000, "origin"),
                rpc(e, Category.MALFORMED_JSON, "truncated", mcpPost("{\"jsonrpc\":\"2.0\","), 400, -32700,
                        "line 1, column"),
                rpc(e, Category.MALFORMED_JSON, "empty", mcpPost(""), 400, -32700, "empty"),
                rpc(e, Category.WRONG_TYPES, "id an object", mcpSession("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":"
                        + "\"ping\"}"), 400, -32600, "id must be a string or an integer"),
                rpc(e, Category.WRONG_TYPES, "method a number", mcpSession("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":7}"),
                        400, -32600, "method must be a non-empty string"),
                rpc(e, Category.WRONG_TYPES, "a string", mcpSession("\"ping\""), 400, -32600, "JSON object"),
                rpcError(e, Category.WRONG_TYPES, "tool argument of the wrong type (a JSON-RPC error, HTTP 200)",
                        mcpSession(toolCall("push-batch", "{\"limit\":\"ten\",\"dry_run\":true}")), -32602,
                        "limit must be a whole number"),
                rpc(e, Category.HUGE_BODY, "1.5 MB, over the MCP message limit", mcpPost("{\"jsonrpc\":\"2.0\",\"id\":1,"
                        + "\"method\":\"ping\",\"params\":{\"pad\":\"" + "p".repeat(1_500_000) + "\"}}"), 413, -32000,
                        "Payload Too Large"),
                refused(e, Category.HUGE_BODY, "5 MB", mcpPost(FIVE_MB), 413, "payload_too_large",
                        "camel.server.max-body-size"),
                rpc(e, Category.INJECTION, "SQL as the session id", mcpPost(toolCall("stats", "{}"))
                        .header("Mcp-Session-Id", SQL_OR), 404, -32001, "Session not found"),
                rpcError(e, Category.INJECTION, "SQL as a tool name", mcpSession(toolCall(SQL_DROP, "{}")), -32602,
                        "Unknown tool"),
                rpcError(e, Category.UNKNOWN_FIELDS, "unknown tool argument (a JSON-RPC error, HTTP 200)",
                        mcpSession(toolCall("sync-suppression-cache", "{\"dry_run\":true,\"everything\":true}")), -32602,
                        "unknown argument everything"),
                rpc(e, Category.WRONG_CONTENT_TYPE, "text/plain", mcpPost(init).ct("text/plain"), 415, -32000,
                        "application/json"),
                rpc(e, Category.WRONG_METHOD, "GET", mcpAuth("GET"), 405, -32000, "Method Not Allowed"),
                rpc(e, Category.WRONG_METHOD, "PUT", mcpAuth("PUT").body(init.getBytes(StandardCharsets.UTF_8))
                        .ct(JSON), 405, -32000, "Method Not Allowed"));
    }

    /** {@code /api/info} and the management port: read-only GET endpoints. */
    private List<Case> readOnly() {
        List<Case> c = new ArrayList<>();
        c.add(refused("GET /api/info", Category.WRONG_METHOD, "POST", post("/api/info", "{}"), 405,
                "method_not_allowed", "use GET"));
        c.add(tolerated("GET /api/info", Category.INJECTION, "SQL and CRLF in the query are ignored, not echoed",
                call("GET", "/api/info?x=" + enc(SQL_OR) + "&y=%0d%0aSet-Cookie:%20a%3Db"), 200));
        c.add(tolerated("GET /api/info", Category.UNKNOWN_FIELDS, "unknown query parameters are ignored",
                call("GET", "/api/info?verbose=true"), 200));
        for (String path : List.of("/observe/health", "/observe/health/live", "/observe/health/ready", "/observe/info",
                "/observe/metrics")) {
            String e = "GET " + path;
            c.add(refused(e, Category.WRONG_METHOD, "POST", post(path, "{}").management(), 405, "method_not_allowed",
                    "use GET"));
            c.add(refused(e, Category.WRONG_METHOD, "DELETE", call("DELETE", path).management(), 405,
                    "method_not_allowed", "use GET"));
            c.add(tolerated(e, Category.INJECTION, "SQL and CRLF in the query are ignored",
                    call("GET", path + "?q=" + enc(SQL_DROP) + "&h=%0d%0aX-Injected:%201").management(), 200));
            c.add(tolerated(e, Category.UNKNOWN_FIELDS, "unknown query parameters are ignored",
                    call("GET", path + "?colour=blue").management(), 200));
        }
        c.add(refused("GET /observe/health", Category.INJECTION, "no endpoint under a SQL path",
                call("GET", "/observe/health/" + enc(SQL_OR)).management(), 404, "not_found", "no endpoint"));
        c.add(refused("GET /api/info", Category.INJECTION, "no endpoint under a SQL path",
                call("GET", "/api/" + enc(SQL_DROP)), 404, "not_found", "no endpoint"));
        return c;
    }

    // ---- valid requests after the drill ----------------------------------------------------------------------

    private void validRequestsStillServed() throws Exception {
        HttpResponse<String> signal = send(post("/api/signals", "{\"signal_type\":\"funding_post\",\"source_api\":\"news\","
                + "\"company_name\":\"After Drill\",\"confidence\":0.5,\"website\":\"after-drill.example.org\"}"));
        assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
        assertThat(send(call("GET", "/api/tasks?status=processing")).statusCode()).isEqualTo(200);
        assertThat(send(post("/api/tasks/claim", "{\"worker\":\"after-drill\"}")).statusCode()).isEqualTo(204);
        HttpResponse<String> event = send(signed("/webhook/notion", pageEvent("evt-after-drill", PAGE_ID)));
        assertThat(event.body()).contains("\"accepted\"");
        assertThat(send(admin("GET", "/admin/jobs")).statusCode()).isEqualTo(200);
        HttpResponse<String> ping = send(mcpSession("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}"));
        assertThat(json.readTree(ping.body()).has("result")).as(ping.body()).isTrue();
        assertThat(send(call("GET", "/observe/health").management()).statusCode()).isEqualTo(200);
    }

    // ---- set-up ---------------------------------------------------------------------------------------------------

    private void seed() throws Exception {
        pendingTask = insertTask("Drill pending task", "pending");
        reviewTask = insertTask("Drill review task", "awaiting_review");
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO webhook_inbox (event_id, event_type, entity_id, payload, source, state, attempts) "
                        + "VALUES ('evt-parked', 'page.created', ?, '{}', 'notion', 'parked', 8)",
                new String[] {"id"})) {
            ps.setString(1, PAGE_ID);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                parkedEvent = keys.getLong(1);
            }
        }
    }

    private long insertTask(String title, String status) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tasks (title, channel, topic, status, priority) VALUES (?, 'tech-explained', 'Drills', ?, "
                        + "'normal')", new String[] {"id"})) {
            ps.setString(1, title);
            ps.setString(2, status);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private String mcpSession() throws Exception {
        HttpResponse<String> r = send(mcpPost("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"drill\"}}}"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private String text(String sql, Object arg) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a row for " + sql + " with " + arg).isTrue();
                return rs.getString(1);
            }
        }
    }

    // ---- requests -------------------------------------------------------------------------------------------------

    /** One request of a case. */
    static final class Req {
        boolean management;
        String method;
        final String path;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;

        Req(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Req ct(String type) {
            headers.put("Content-Type", type);
            return this;
        }

        Req header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Req body(byte[] bytes) {
            body = bytes;
            return this;
        }

        Req method(String m) {
            method = m;
            return this;
        }

        Req management() {
            management = true;
            return this;
        }

        String describe() {
            return method + " " + clip(path) + (body == null ? "" : " (" + body.length + " bytes, " + headers.get(
                    "Content-Type") + ")");
        }
    }

    static Req call(String method, String path) {
        return new Req(method, path);
    }

    static Req post(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    static Req post(String path, byte[] body) {
        return new Req("POST", path).body(body).ct(JSON);
    }

    private Req signed(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(path, bytes).header(WebhookSignature.HEADER, WebhookSignature.sign(WEBHOOK_SECRET, bytes));
    }

    private static Req admin(String method, String path) {
        return call(method, path).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private static Req adminPost(String path, String body) {
        return adminPost(path, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Req adminPost(String path, byte[] body) {
        return post(path, body).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private static Req mcpPost(String body) {
        return mcpPost(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Req mcpPost(byte[] body) {
        return post("/mcp", body).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Accept", "application/json, text/event-stream");
    }

    private static Req mcpAuth(String method) {
        return call(method, "/mcp").header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private Req mcpSession(String body) {
        return mcpPost(body).header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
    }

    private static String toolCall(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static Req multipart(String path) {
        String body = "--drill\r\nContent-Disposition: form-data; name=\"file\"; filename=\"signals.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"signal_type\":\"x\"}\r\n--drill--\r\n";
        return post(path, body).ct("multipart/form-data; boundary=drill");
    }

    /** A page event in Notion's shape. */
    static String pageEvent(String id, String pageId) {
        return "{\"id\":\"" + id.replace("\"", "\\\"") + "\",\"timestamp\":\"2026-07-04T09:00:00.000Z\","
                + "\"workspace_id\":\"w\",\"subscription_id\":\"s\",\"integration_id\":\"i\",\"type\":\"page.created\","
                + "\"authors\":[{\"id\":\"9e0c1a2b-3d4e-4f50-8a61-000000000001\",\"type\":\"person\"}],"
                + "\"attempt_number\":1,\"api_version\":\"2025-09-03\",\"entity\":{\"id\":\"" + pageId + "\","
                + "\"type\":\"page\"},\"data\":{\"parent\":{\"id\":\"2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a70\","
                + "\"type\":\"database\"}}}";
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String clip(String s) {
        return s.length() <= 400 ? s : s.substring(0, 397) + "...";
    }

    // ---- cases and expectations -------------------------------------------------------------------------------

    enum Kind { REFUSED, RPC_ERROR, TOLERATED, STORED }

    /** Checks what a stored case stored. */
    interface StoreCheck {
        void verify(HttpResponse<String> response) throws Exception;
    }

    /**
     * What a case must get.
     *
     * @param codeAt    JSON pointer of the error code in the answer (null: the answer's body is not checked)
     * @param messageAt JSON pointer of the message, which must contain every one of {@code mentions}
     * @param mayChange tables a STORED case may change; every other case changes none
     */
    record Expect(Kind kind, int status, String codeAt, Object code, String messageAt, List<String> mentions,
                  Set<String> mayChange, StoreCheck check) {
    }

    record Case(String endpoint, Category category, String name, Req req, Expect expect) {
    }

    static Case refused(String endpoint, Category category, String name, Req req, int status, String code,
                        String... mentions) {
        return new Case(endpoint, category, name, req, new Expect(Kind.REFUSED, status, "/error", code, "/message",
                Arrays.asList(mentions), Set.of(), null));
    }

    /** A JSON-RPC error with an HTTP 4xx (the MCP transport refused the message). */
    static Case rpc(String endpoint, Category category, String name, Req req, int status, int code, String... mentions) {
        return new Case(endpoint, category, name, req, new Expect(Kind.REFUSED, status, "/error/code", code,
                "/error/message", Arrays.asList(mentions), Set.of(), null));
    }

    /**
     * A JSON-RPC error answering a well-formed request (bad params, unknown tool): MCP answers it with HTTP 200, as
     * JSON-RPC over HTTP does; nothing runs and nothing is stored.
     */
    static Case rpcError(String endpoint, Category category, String name, Req req, int code, String... mentions) {
        return new Case(endpoint, category, name, req, new Expect(Kind.RPC_ERROR, 200, "/error/code", code,
                "/error/message", Arrays.asList(mentions), Set.of(), null));
    }

    /** Input the endpoint ignores (documented): answered, nothing stored. */
    static Case tolerated(String endpoint, Category category, String name, Req req, int status) {
        return new Case(endpoint, category, name, req, new Expect(Kind.TOLERATED, status, null, null, null, List.of(),
                Set.of(), null));
    }

    /** Input that looks bad but is valid data: stored verbatim, and only in {@code tables}. */
    static Case stored(String endpoint, Category category, String name, Req req, int status, Set<String> tables,
                       StoreCheck check) {
        return new Case(endpoint, category, name, req, new Expect(Kind.STORED, status, null, null, null, List.of(),
                tables, check));
    }
}
