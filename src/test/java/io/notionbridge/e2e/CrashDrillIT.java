package io.notionbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.SandboxOptions;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.model.PageChange;
import io.notionbridge.sandbox.observe.RequestLogEntry;
import io.notionbridge.tasks.webhook.WebhookSignature;
import io.notionbridge.testing.BridgeProcess;
import io.notionbridge.testing.TestDatabase;
import io.notionbridge.testing.WebhookEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The crash drill: the packaged jar is killed with SIGKILL while a discovery push, a warehouse sync and the webhook
 * inbox are all half-way, then started again on the same store (an H2 file, or PostgreSQL under {@code test.db.url}).
 * The Notion sandbox runs in this JVM, so it outlives the bridge; its latency faults make each job slow enough to be
 * caught in the middle, and the kill itself happens inside the sandbox, right after it committed a CRM page the
 * bridge will never hear about (the worst moment for a duplicate). {@link #drill()} runs the crash and the restart
 * once; each test then checks one job's guarantee.
 */
@Tag("db")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashDrillIT {

    private static final String SECRET = "secret_crash_drill_abcdefghijklmnopqrstuvwxyz0123456";
    private static final String ADMIN = "crash-drill-admin-token";
    private static final String VERSION = "2026-03-11";
    private static final int COMPANIES = 24;
    private static final int EVENTS = 20;
    private static final int EXTRA_ACTIONS = 346;
    /** Longer than a restart takes here, so the new process must wait for the dead one's locks to expire. */
    private static final int LOCK_SECONDS = 20;
    private static final Map<String, String> WAREHOUSE = Map.of("risks", DemoData.RISKS_DATA_SOURCE_ID,
            "actions", DemoData.ACTIONS_DATA_SOURCE_ID);
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Path dir;
    private NotionSandbox sandbox;
    private TestDatabase db;
    private String bronzeSchema;

    private final List<String> companies = new ArrayList<>();
    private final List<String> taskPages = new ArrayList<>();
    private final Map<String, String> eventPage = new LinkedHashMap<>();
    private final AtomicReference<BridgeProcess> armed = new AtomicReference<>();
    private final AtomicInteger crmCreates = new AtomicInteger();
    private volatile String killedPage;
    private String killedDuringCreateOf;
    private volatile String killMoment;

    /** The store as the first process left it. */
    private final Map<String, String> intentsAtKill = new HashMap<>();
    private final Map<String, Map<String, Object>> inboxAtKill = new HashMap<>();
    private final Map<String, Long> bronzeAtKill = new HashMap<>();
    private final Map<String, String> resumeAtKill = new HashMap<>();
    private final Map<String, Instant> watermarksAtKill = new HashMap<>();
    private long signalsAtKill;
    private String log2;
    private JsonNode warehouseRun;
    private JsonNode pushRun;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    @BeforeAll
    void drill() throws Exception {
        dir = Files.createTempDirectory("crash-drill-");
        sandbox = NotionSandbox.start(SandboxOptions.builder().noRateLimit().build());
        db = TestDatabase.onDisk(dir);
        bronzeSchema = TestDatabase.onPostgres() ? db.name() + "_bronze" : "bronze";
        seedSandbox();
        sandbox.pages().onChange(this::killOnCrmCreate);

        // ---- first run: three jobs under way, then SIGKILL ----
        long t0 = System.nanoTime();
        BridgeProcess first = BridgeProcess.start(jvmOptions(), env());
        try {
            first.awaitHealthy(WAIT);
            figures.put("first start to healthy (ms)", ms(t0));
            injectLatency();
            runAsync(first, "warehouse-sync");
            // the inbox and the push start once the warehouse is under way in the actions database, so that the three
            // are half-way at the same time whatever the machine's speed
            await("the first page of the actions query", first, () -> actionsPagesAnswered() >= 1);
            for (Map.Entry<String, String> e : eventPage.entrySet()) {
                String body = WebhookEvents.pageEvent(e.getKey(), "page.properties_updated", e.getValue(),
                        Instant.now().toString());
                HttpResponse<String> r = post(first, "/webhook/notion", body, WebhookSignature.HEADER,
                        WebhookEvents.signature(SECRET, body));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            HttpResponse<String> signals = post(first, "/api/signals", signalsBody());
            assertThat(signals.statusCode()).as(signals.body()).isEqualTo(201);
            armed.set(first);
            runAsync(first, "discovery-push");
            await("the kill inside a CRM create, with the warehouse sync and the inbox half-way", first,
                    () -> killedPage != null && !first.process().isAlive());
            assertThat(killedPage).as("killed by the sandbox during a create; " + killMoment).isNotNull();
        } finally {
            armed.set(null);
            first.close();
        }
        sandbox.faults().clear();
        killedDuringCreateOf = retrievePage(killedPage).at("/properties/Canonical Key/rich_text/0/plain_text").asText();
        readStoreAtKill();

        // ---- second run on the same store ----
        long t1 = System.nanoTime();
        try (BridgeProcess second = BridgeProcess.start(jvmOptions(), env())) {
            second.awaitHealthy(WAIT);
            long healthy = System.nanoTime();
            figures.put("restart to healthy (ms)", ms(t1));
            warehouseRun = runJob(second, "warehouse-sync");
            figures.put("resumed warehouse sync (ms)", ms(healthy));
            long push = System.nanoTime();
            pushRun = runJob(second, "discovery-push");
            figures.put("push run after the restart (ms)", ms(push));
            await("every inbox event processed", second, () -> {
                JsonNode counts = inboxCounts(second);
                return counts.path("done").asInt(0) + counts.path("ignored").asInt(0) == EVENTS;
            });
            figures.put("restart to inbox drained (ms)", ms(healthy));
            second.terminate(Duration.ofSeconds(45));
            log2 = second.log();
        }
        System.out.println("Crash drill (" + (TestDatabase.onPostgres() ? "PostgreSQL" : "H2 file") + "): " + killMoment
                + "; " + figures);
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (sandbox != null) {
            sandbox.close();
        }
        if (db != null) {
            if (TestDatabase.onPostgres()) {
                try (Connection c = db.connect(); Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + bronzeSchema + " CASCADE");
                }
            }
            db.close();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The guarantees

    /** Push: every qualified company has exactly one CRM page; no signal is lost; every create intent is resolved. */
    @Test
    void eachCompanyGetsExactlyOneCrmPageAndNoSignalIsLost() throws Exception {
        assertThat(intentsAtKill).as("the create the kill interrupted was recorded as sending, not created")
                .containsEntry(killedDuringCreateOf, "sending");
        assertThat(pushRun.path("errors").asInt()).as(pushRun.toString()).isZero();
        assertThat(log2).contains(killedDuringCreateOf + ": the create left unresolved earlier (sending) did reach "
                + "Notion: adopting page");
        assertThat(signalsAtKill).as("signals stored before the kill").isEqualTo(COMPANIES);
        Map<String, String> pages = new HashMap<>();
        for (String key : companies) {
            JsonNode found = crmPages(key);
            assertThat(found).as("CRM pages of " + key).hasSize(1);
            pages.put(key, found.get(0).path("id").asText());
        }
        try (Connection c = db.connect()) {
            assertThat(rows(c, "SELECT canonical_key, state, notion_page_id FROM push_intents")).as("push intents")
                    .hasSize(COMPANIES).allSatisfy(r -> {
                        assertThat(r.get("state")).isEqualTo("created");
                        assertThat(r.get("notion_page_id")).isEqualTo(pages.get((String) r.get("canonical_key")));
                    });
            List<Map<String, Object>> signals = rows(c, "SELECT s.canonical_key, p.state, p.notion_page_id FROM signals s "
                    + "JOIN signal_processing p ON p.signal_id = s.id");
            assertThat(signals).as("signals after the restart").hasSize(COMPANIES).allSatisfy(r -> {
                assertThat(r.get("state")).isEqualTo("pushed");
                assertThat(r.get("notion_page_id")).isEqualTo(pages.get((String) r.get("canonical_key")));
            });
        }
    }

    /**
     * Warehouse: the run killed half-way left a checkpoint and no watermark ahead of its rows; the next run resumes
     * from the checkpoint, and the bronze table then holds exactly what Notion holds, once per page.
     */
    @Test
    void theWarehouseResumesAndEndsEqualToACleanSyncWithoutDuplicates() throws Exception {
        assertThat(resumeAtKill).as("checkpoint of the interrupted database").containsKey("actions");
        assertThat(watermarksAtKill.get("actions")).as("no watermark for the unfinished first run").isNull();
        assertThat(watermarksAtKill.get("risks")).as("the database synced before the kill has its watermark").isNotNull();
        long actionsTotal = sandboxPages(WAREHOUSE.get("actions")).size();
        assertThat(bronzeAtKill.getOrDefault("actions", 0L)).as("actions rows at the kill (half-way)")
                .isLessThan(actionsTotal);
        JsonNode actions = null;
        for (JsonNode d : warehouseRun.path("databases")) {
            assertThat(d.path("outcome").asText()).as(d.toString()).isEqualTo("ok");
            if (d.path("database").asText().equals("actions")) {
                actions = d;
            }
        }
        assertThat(actions).isNotNull();
        assertThat(actions.path("resumed").asBoolean()).as(actions.toString()).isTrue();
        assertThat(actions.path("pages_fetched").asLong()).as("the resumed run read only the rest").isLessThan(actionsTotal);

        try (Connection c = db.connect()) {
            for (Map.Entry<String, String> e : WAREHOUSE.entrySet()) {
                Map<String, JsonNode> expected = sandboxPages(e.getValue());
                List<Map<String, Object>> rows = rows(c, "SELECT page_id, raw_json, last_edited_time FROM " + bronzeSchema
                        + ".bronze_notion_raw_pages WHERE database_name = '" + e.getKey() + "'");
                assertThat(rows.stream().map(r -> (String) r.get("page_id")).toList()).as(e.getKey() + " page ids")
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected.keySet());
                for (Map<String, Object> r : rows) {
                    assertThat(NotionJson.MAPPER.readTree((String) r.get("raw_json"))).as("raw JSON of " + r.get("page_id"))
                            .isEqualTo(expected.get((String) r.get("page_id")));
                }
                Instant watermark = watermark(c, e.getKey());
                assertThat(watermark).as(e.getKey() + " watermark").isNotNull();
                expected.values().stream().filter(p -> Instant.parse(p.path("last_edited_time").asText())
                        .isBefore(watermark)).forEach(p -> assertThat(rows).as("stored: every page edited before the "
                        + "watermark").anyMatch(r -> r.get("page_id").equals(p.path("id").asText())));
            }
        }
    }

    /**
     * Inbox: every accepted event ends processed exactly once in the inbox; events the dead process had taken are
     * taken again after the lock timeout; events finished before the kill are not applied again; the tasks table
     * matches Notion, one task per page.
     */
    @Test
    void everyInboxEventIsProcessedOnceAndTheTasksMatchNotion() throws Exception {
        List<String> doneAtKill = inboxAtKill.entrySet().stream().filter(e -> "done".equals(e.getValue().get("state")))
                .map(Map.Entry::getKey).toList();
        List<String> lockedAtKill = inboxAtKill.entrySet().stream().filter(e -> "pending".equals(e.getValue().get("state"))
                && e.getValue().get("locked_by") != null).map(Map.Entry::getKey).toList();
        assertThat(doneAtKill).as("events done before the kill").isNotEmpty();
        assertThat(lockedAtKill).as("events the dead process had taken and not finished").isNotEmpty();
        try (Connection c = db.connect()) {
            List<Map<String, Object>> inbox = rows(c, "SELECT event_id, state, attempts, locked_by, processed_at "
                    + "FROM webhook_inbox");
            assertThat(inbox.stream().map(r -> (String) r.get("event_id")).toList()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(eventPage.keySet());
            assertThat(inbox).allSatisfy(r -> assertThat(r.get("state")).isEqualTo("done"));
            for (Map<String, Object> r : inbox) {
                String id = (String) r.get("event_id");
                if (doneAtKill.contains(id)) {
                    assertThat(((Number) r.get("attempts")).intValue()).as(id).isEqualTo(1);
                    assertThat(log2).as("finished before the kill, not applied again").doesNotContain("Webhook event " + id + " (");
                }
                if (lockedAtKill.contains(id)) {
                    assertThat(((Number) r.get("attempts")).intValue()).as(id + " taken again").isEqualTo(2);
                    Instant lockedAt = ((OffsetDateTime) inboxAtKill.get(id).get("locked_at")).toInstant();
                    Instant processed = ((OffsetDateTime) r.get("processed_at")).toInstant();
                    assertThat(processed).as(id + " taken again only after the lock timeout")
                            .isAfterOrEqualTo(lockedAt.plusSeconds(LOCK_SECONDS));
                }
            }
            List<Map<String, Object>> tasks = rows(c, "SELECT notion_page_id, title, notion_status, notion_priority FROM tasks");
            assertThat(tasks.stream().map(r -> (String) r.get("notion_page_id")).toList()).as("one task per page")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(taskPages);
            for (Map<String, Object> t : tasks) {
                JsonNode page = retrievePage((String) t.get("notion_page_id"));
                assertThat(t.get("title")).isEqualTo(page.at("/properties/Title/title/0/plain_text").asText());
                assertThat(t.get("notion_status")).isEqualTo(page.at("/properties/Status/status/name").asText());
                assertThat(t.get("notion_priority")).isEqualTo(page.at("/properties/Priority/select/name").asText());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Set-up and the kill

    private void seedSandbox() throws Exception {
        sandbox.seedPages(DemoData.ACTIONS_DATA_SOURCE_ID, EXTRA_ACTIONS, null);
        for (int i = 1; i <= EVENTS; i++) {
            ObjectNode props = (ObjectNode) NotionJson.MAPPER.readTree("{\"Title\":{\"title\":[{\"text\":{\"content\":"
                    + "\"Crash drill task " + i + "\"}}]},\"Channel\":{\"select\":{\"name\":\"tech-explained\"}},"
                    + "\"Topic\":{\"rich_text\":[{\"text\":{\"content\":\"Topic " + i + "\"}}]},"
                    + "\"Status\":{\"status\":{\"name\":\"Queued\"}},\"Priority\":{\"select\":{\"name\":\""
                    + (i % 2 == 0 ? "High" : "Low") + "\"}}}");
            String page = sandbox.createAsPerson(DemoData.VIDEO_TASKS_DATA_SOURCE_ID, DemoData.USER_MAYA_ID, props).id;
            taskPages.add(page);
            eventPage.put("crash-evt-" + i, page);
        }
        for (int i = 1; i <= COMPANIES; i++) {
            companies.add("domain:crashdrill" + i + ".io");
        }
    }

    private String signalsBody() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 1; i <= COMPANIES; i++) {
            b.append(i > 1 ? "," : "").append("{\"signal_type\":\"funding_post\",\"source_api\":\"news\",\"company_name\":")
                    .append("\"Crash Drill ").append(i).append("\",\"confidence\":0.9,\"website\":\"https://crashdrill")
                    .append(i).append(".io\",\"detected_at\":\"2026-07-01T09:30:00Z\"}");
        }
        return b.append("]").toString();
    }

    /** Slow enough to be caught half-way: CRM creates, the actions query and page reads (the inbox). */
    private void injectLatency() throws Exception {
        sandbox.faults().add(NotionJson.MAPPER.readTree("{\"method\":\"POST\",\"path\":\"/v1/pages\",\"latency_ms\":400}"));
        sandbox.faults().add(NotionJson.MAPPER.readTree("{\"method\":\"POST\",\"path\":\"/v1/data_sources/"
                + DemoData.ACTIONS_DATA_SOURCE_ID + "/query\",\"latency_ms\":1500}"));
        sandbox.faults().add(NotionJson.MAPPER.readTree("{\"method\":\"GET\",\"path\":\"/v1/pages/{id}\",\"latency_ms\":400}"));
    }

    /**
     * Sandbox listener: on a CRM page create (already committed, not yet answered), from the fourth on, when the
     * warehouse has received 2 or 3 of the 5 pages of the actions query (so at least one is checkpointed) and the
     * inbox has read some but not all of its pages, kills the armed bridge with SIGKILL and
     * waits until it is gone, so the bridge never learns that this create succeeded.
     */
    private void killOnCrmCreate(PageChange change) {
        if (change.type() != PageChange.Type.CREATED || !DemoData.CRM_DATABASE_ID.equals(change.databaseId())) {
            return;
        }
        int creates = crmCreates.incrementAndGet();
        BridgeProcess victim = armed.get();
        long actionsPages = actionsPagesAnswered();
        long pageReads = count(e -> e.method().equals("GET") && e.path().startsWith("/v1/pages/")
                && !e.path().contains("/properties/") && e.status() == 200);
        if (victim == null || creates < 4 || actionsPages < 2 || actionsPages > 3 || pageReads < 2
                || pageReads > EVENTS - 2 || !armed.compareAndSet(victim, null)) {
            return;
        }
        killMoment = "killed during CRM create " + creates + " of " + COMPANIES + ", " + actionsPages
                + " of 5 actions query pages answered, " + pageReads + " of " + EVENTS + " inbox page reads answered";
        killedPage = change.pageId();
        victim.process().destroyForcibly();
        try {
            victim.process().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long actionsPagesAnswered() {
        return count(e -> e.method().equals("POST") && e.path().contains(DemoData.ACTIONS_DATA_SOURCE_ID)
                && e.status() == 200);
    }

    private long count(java.util.function.Predicate<RequestLogEntry> p) {
        return sandbox.requestLog().entries(p).size();
    }

    private List<String> jvmOptions() {
        return List.of("-Dbridge.tasks.inbox.lock-seconds=" + LOCK_SECONDS, "-Dbridge.tasks.push.delay-ms=3600000");
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("BRIDGE_DB_URL", db.url());
        if (!db.user().isEmpty()) {
            env.put("BRIDGE_DB_USER", db.user());
        }
        env.put("NOTION_TOKEN", sandbox.token());
        env.put("NOTION_BASE_URL", sandbox.baseUrl());
        env.put("NOTION_RATE_LIMIT", "1000");
        env.put("NOTION_WEBHOOK_SECRET", SECRET);
        env.put("BRIDGE_ADMIN_TOKEN", ADMIN);
        env.put("BRIDGE_JMX_ENABLED", "false");
        env.put("BRIDGE_DISCOVERY_DEMO_FEED", "false");
        // no blanket CRM lookups: only an unresolved push intent makes the push job look a company up before creating
        env.put("BRIDGE_DISCOVERY_CRM_LOOKUP", "never");
        env.put("WAREHOUSE_DATABASES", "risks,actions");
        env.put("WAREHOUSE_TARGET_SCHEMA", bronzeSchema);
        env.put("BRIDGE_TASKS_INBOX_PERIOD_MS", "200");
        // the jobs under test run when the drill says so; the others stay quiet
        for (String quiet : List.of("BRIDGE_DISCOVERY_PUSH_DELAY_MS", "WAREHOUSE_SYNC_DELAY_MS",
                "WAREHOUSE_FULL_REFRESH_DELAY_MS", "BRIDGE_SUPPRESSION_DELAY_MS", "BRIDGE_HOUSEKEEPING_DELAY_MS",
                "BRIDGE_ALERTS_CHECK_PERIOD_MS", "BRIDGE_TASKS_PUSH_PERIOD_MS")) {
            env.put(quiet, "3600000");
        }
        return env;
    }

    private void readStoreAtKill() throws SQLException {
        try (Connection c = db.connect()) {
            for (Map<String, Object> r : rows(c, "SELECT canonical_key, state FROM push_intents")) {
                intentsAtKill.put((String) r.get("canonical_key"), (String) r.get("state"));
            }
            for (Map<String, Object> r : rows(c, "SELECT event_id, state, locked_by, locked_at FROM webhook_inbox")) {
                inboxAtKill.put((String) r.get("event_id"), r);
            }
            for (Map<String, Object> r : rows(c, "SELECT database_name, COUNT(*) AS n FROM " + bronzeSchema
                    + ".bronze_notion_raw_pages GROUP BY database_name")) {
                bronzeAtKill.put((String) r.get("database_name"), ((Number) r.get("n")).longValue());
            }
            for (Map<String, Object> r : rows(c, "SELECT scope, resume_state FROM sync_watermarks WHERE job = "
                    + "'warehouse-sync' AND resume_state IS NOT NULL")) {
                resumeAtKill.put((String) r.get("scope"), (String) r.get("resume_state"));
            }
            signalsAtKill = ((Number) rows(c, "SELECT COUNT(*) AS n FROM signals").get(0).get("n")).longValue();
            // what the first run had stored is never ahead of its watermark (the risks run finished)
            for (String name : WAREHOUSE.keySet()) {
                Instant w = watermark(c, name);
                watermarksAtKill.put(name, w);
                if (w != null) {
                    List<String> stored = rows(c, "SELECT page_id FROM " + bronzeSchema + ".bronze_notion_raw_pages WHERE "
                            + "database_name = '" + name + "'").stream().map(r -> (String) r.get("page_id")).toList();
                    sandboxPages(WAREHOUSE.get(name)).values().stream()
                            .filter(p -> Instant.parse(p.path("last_edited_time").asText()).isBefore(w))
                            .forEach(p -> assertThat(stored).as(name + ": a page edited before the watermark " + w)
                                    .contains(p.path("id").asText()));
                }
            }
        }
        figures.put("bronze rows at the kill", bronzeAtKill);
        figures.put("inbox at the kill", inboxAtKill.values().stream().map(r -> r.get("state") + (r.get("locked_by") == null
                ? "" : " (locked)")).collect(java.util.stream.Collectors.groupingBy(x -> x, java.util.stream.Collectors.counting())));
        figures.put("intents at the kill", intentsAtKill.values().stream()
                .collect(java.util.stream.Collectors.groupingBy(x -> x, java.util.stream.Collectors.counting())));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private void await(String what, BridgeProcess bridge, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ":\n" + bridge.log());
            }
            bridge.process().waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    private HttpResponse<String> post(BridgeProcess bridge, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.httpPort() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest jobRun(BridgeProcess bridge, String job) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.httpPort() + "/admin/jobs/" + job + "/run"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** Starts a job through the admin API without waiting (its answer never comes: the bridge is killed). */
    private void runAsync(BridgeProcess bridge, String job) {
        http.sendAsync(jobRun(bridge, job), HttpResponse.BodyHandlers.discarding());
    }

    private JsonNode runJob(BridgeProcess bridge, String job) throws Exception {
        HttpResponse<String> r = http.send(jobRun(bridge, job), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(job + ": " + r.body()).isEqualTo(200);
        return NotionJson.MAPPER.readTree(r.body()).path("result");
    }

    private JsonNode inboxCounts(BridgeProcess bridge) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.httpPort()
                    + "/api/webhooks/inbox")).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return NotionJson.MAPPER.readTree(r.body()).path("counts");
        } catch (Exception e) {
            return NotionJson.MAPPER.createObjectNode();
        }
    }

    private HttpResponse<String> notion(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Authorization", "Bearer " + sandbox.token()).header("Notion-Version", VERSION)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CRM pages whose canonical key is {@code key}, as any Notion client sees them. */
    private JsonNode crmPages(String key) throws Exception {
        HttpResponse<String> r = notion("POST", "/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID + "/query",
                "{\"filter\":{\"property\":\"Canonical Key\",\"rich_text\":{\"equals\":\"" + key + "\"}}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return NotionJson.MAPPER.readTree(r.body()).get("results");
    }

    private JsonNode retrievePage(String id) throws Exception {
        HttpResponse<String> r = notion("GET", "/v1/pages/" + id, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return NotionJson.MAPPER.readTree(r.body());
    }

    /** Every page of a data source, in the trash or not, by id, as the query API returns it: what a clean sync stores. */
    private Map<String, JsonNode> sandboxPages(String dataSource) {
        Map<String, JsonNode> out = new HashMap<>();
        try {
            for (boolean trash : new boolean[] {false, true}) {
                String cursor = null;
                do {
                    String body = "{\"page_size\":100" + (trash ? ",\"in_trash\":true" : "")
                            + (cursor == null ? "" : ",\"start_cursor\":\"" + cursor + "\"") + "}";
                    HttpResponse<String> r = notion("POST", "/v1/data_sources/" + dataSource + "/query", body);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    JsonNode page = NotionJson.MAPPER.readTree(r.body());
                    page.path("results").forEach(p -> out.put(p.path("id").asText(), p));
                    cursor = page.path("has_more").asBoolean() ? page.path("next_cursor").asText() : null;
                } while (cursor != null);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private Instant watermark(Connection c, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_edited_time FROM sync_watermarks WHERE job = "
                + "'warehouse-sync' AND scope = ?")) {
            ps.setString(1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
        }
    }

    private static List<Map<String, Object>> rows(Connection c, String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= n; i++) {
                    String col = rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT);
                    String type = rs.getMetaData().getColumnTypeName(i).toLowerCase(Locale.ROOT);
                    row.put(col, type.startsWith("timestamp") ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
