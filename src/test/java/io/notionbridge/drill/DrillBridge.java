package io.notionbridge.drill;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.discovery.DiscoveryPush;
import io.notionbridge.discovery.PushSummary;
import io.notionbridge.discovery.SignalIntake;
import io.notionbridge.gateway.GatewayRetries;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.SandboxConfiguration;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.suppression.SuppressionSyncStats;
import io.notionbridge.tasks.TaskApi;
import io.notionbridge.tasks.TaskInboxProcessor;
import io.notionbridge.tasks.TaskPushPoller;
import io.notionbridge.testing.BridgeRouteTestSupport;
import io.notionbridge.testing.TestDatabase;
import io.notionbridge.warehouse.WarehouseSyncReport;

/**
 * One run of a drill: the runtime with every flow (discovery, suppression, warehouse, tasks) through Camel Main, in
 * this JVM, with a store of its own, its own embedded sandbox and a free HTTP port (so the sandbox delivers task
 * webhooks to it). The sandbox clock is frozen at {@link #T0} and the demo data reloaded at that instant, so that two
 * runs start from the same workspace, byte for byte. Timers are off; the drill drives each job's {@code direct:} entry
 * and runs it again until it reports nothing left to do, counting the runs.
 */
final class DrillBridge implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");
    /** The most runs of one job the drill allows before it calls the job stuck. */
    static final int MAX_RUNS = 10;

    private final TestDatabase db;
    private final String schema;
    private final OneShotRuntime rt;
    private final Map<String, Integer> runs = new LinkedHashMap<>();
    private int markers;

    private DrillBridge(TestDatabase db, String schema, OneShotRuntime rt) {
        this.db = db;
        this.schema = schema;
        this.rt = rt;
    }

    static DrillBridge start() throws Exception {
        TestDatabase db = TestDatabase.create();
        String schema = TestDatabase.onPostgres() ? "wh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                : "bronze";
        Properties p = new Properties();
        for (String kv : db.properties()) {
            p.setProperty(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        BridgeRouteTestSupport.fastSandbox(p);
        p.setProperty("bridge.sandbox.reuse-running", "false");
        p.setProperty("camel.server.port", Integer.toString(BridgeRouteTestSupport.freePort()));
        p.setProperty("camel.server.host", "127.0.0.1");
        p.setProperty("bridge.discovery.demo-feed", "false");
        p.setProperty("bridge.warehouse.target.schema", schema);
        // the drill is about outcomes, not about backoff timing: keep the gateway's and the inbox's waits short
        p.setProperty("bridge.notion.backoff.base-ms", "20");
        p.setProperty("bridge.notion.backoff.max-ms", "200");
        p.setProperty("bridge.tasks.inbox.backoff-ms", "20");
        p.setProperty("bridge.tasks.inbox.backoff-max-ms", "200");
        OneShotRuntime rt;
        try {
            rt = OneShotRuntime.start(BridgeConfig.load(null, p), List.of("discovery-intake", "discovery-push",
                    "suppression-sync", "warehouse-sync", "task-webhook", "task-inbox", "task-push", "task-api"), p);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        DrillBridge b = new DrillBridge(db, schema, rt);
        b.sandbox().clock().freezeAt(T0);
        b.sandbox().reset(true);
        return b;
    }

    NotionSandbox sandbox() {
        return rt.context().getRegistry().lookupByNameAndType(SandboxConfiguration.SANDBOX_BEAN, NotionSandbox.class);
    }

    NotionClient notion() {
        return rt.context().getRegistry().lookupByNameAndType("notionClient", NotionClient.class);
    }

    GatewayRetries retries() {
        return rt.context().getRegistry().lookupByNameAndType("notionRetries", GatewayRetries.class);
    }

    TestDatabase db() {
        return db;
    }

    String bronzeTable() {
        return schema + ".bronze_notion_raw_pages";
    }

    /** How many runs each job took, in the order the drill ran them. */
    Map<String, Integer> runs() {
        return runs;
    }

    void advance(Duration d) {
        sandbox().clock().advance(d);
    }

    // ---- intake and the jobs -------------------------------------------------------------------------------------

    void intake(List<String> signals) {
        SignalIntake intake = rt.context().getRegistry().lookupByNameAndType("signalIntake", SignalIntake.class);
        int status = intake.accept(("[" + String.join(",", signals) + "]").getBytes(StandardCharsets.UTF_8), null).status();
        if (status != 201) {
            throw new AssertionError("intake answered " + status);
        }
    }

    /** Discovery push until a run has no error (held companies stay pending by design). */
    PushSummary pushUntilDone() {
        return untilDone("discovery-push", () -> rt.request("direct:discovery-push", null, Map.of(), PushSummary.class),
                s -> s.errors() == 0);
    }

    SuppressionSyncStats suppressionSyncUntilDone(boolean full) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("full", full);
        return untilDone(full ? "suppression-sync (full)" : "suppression-sync",
                () -> rt.request("direct:suppression-sync", null, headers, SuppressionSyncStats.class), s -> s.errors == 0);
    }

    WarehouseSyncReport warehouseSyncUntilDone(boolean full) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("fullRefresh", full);
        return untilDone(full ? "warehouse-sync (full)" : "warehouse-sync",
                () -> rt.request("direct:warehouse-sync", null, headers, WarehouseSyncReport.class), WarehouseSyncReport::ok);
    }

    TaskPushPoller.Stats taskPushUntilDone() {
        return untilDone("task-push", () -> rt.request("direct:task-push", null, Map.of(), TaskPushPoller.Stats.class),
                s -> s.failed() == 0 && s.due() == s.pushed());
    }

    /**
     * Waits until the sandbox has delivered every webhook event of the page writes so far (a marker edit of the root
     * page is sent after them, by the sandbox's one sender thread), then runs the task inbox until no event is left.
     */
    void inboxUntilDrained() throws Exception {
        int marker = ++markers;
        sandbox().editAsPerson(DemoData.ROOT_PAGE_ID, DemoData.USER_MAYA_ID, NotionJson.MAPPER.readTree(
                "{\"properties\":{\"title\":{\"title\":[{\"text\":{\"content\":\"Notion Bridge Demo " + marker + "\"}}]}}}"));
        await("the marker event " + marker + " in the inbox", Duration.ofSeconds(30),
                () -> count("SELECT COUNT(*) FROM webhook_inbox WHERE entity_id = '" + DemoData.ROOT_PAGE_ID + "'") >= marker);
        int[] n = {0};
        await("an empty task inbox", Duration.ofSeconds(60), () -> {
            n[0]++;
            rt.request("direct:task-inbox", null, Map.of(), TaskInboxProcessor.Stats.class);
            return count("SELECT COUNT(*) FROM webhook_inbox WHERE state = 'pending'") == 0;
        });
        runs.merge("task-inbox", n[0], Integer::sum);
    }

    /** The task API's answer to an action on a task (transition, priority), as JSON. */
    JsonNode taskAction(long id, String action, String body) throws Exception {
        TaskApi api = rt.context().getRegistry().lookupByNameAndType("taskApi", TaskApi.class);
        return NotionJson.MAPPER.readTree(api.action(Long.toString(id), action, body));
    }

    long taskId(String pageId) {
        return count("SELECT id FROM tasks WHERE notion_page_id = '" + pageId + "'");
    }

    private <T> T untilDone(String job, Supplier<T> run, java.util.function.Predicate<T> done) {
        RuntimeException last = null;
        for (int i = 1; i <= MAX_RUNS; i++) {
            runs.merge(job, 1, Integer::sum);
            try {
                T result = run.get();
                if (done.test(result)) {
                    return result;
                }
                last = new IllegalStateException(job + " run " + i + " left work: " + result);
            } catch (RuntimeException e) {
                // a run that fails as a whole (e.g. a read that failed after all its retries) is run again, as the
                // timer would; the drill fails if it never succeeds
                last = e;
            }
        }
        throw new AssertionError(job + " still had work left after " + MAX_RUNS + " runs", last);
    }

    // ---- store access --------------------------------------------------------------------------------------------

    long count(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @Override
    public void close() throws Exception {
        try {
            rt.close();
        } finally {
            if (TestDatabase.onPostgres()) {
                try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
            db.close();
        }
    }
}
