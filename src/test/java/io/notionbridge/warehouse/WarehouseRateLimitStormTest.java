package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.notionbridge.gateway.GatewayConfiguration;
import io.notionbridge.gateway.NotionTrafficPause;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.observe.RequestLogEntry;
import io.notionbridge.store.JobRuns;
import io.notionbridge.testing.SandboxTimePause;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The 429 storm drill (issue 10): during a warehouse full refresh of a database with five pages of query results, Notion
 * answers {@code 429} with {@code Retry-After: 120} again and again. The sync pauses all Notion traffic for each
 * {@code Retry-After}, never gives up, and completes with the same bronze rows as a clean run; its statistics record
 * the pauses.
 * <p>
 * The gateway's pause runs on the sandbox's frozen clock ({@link SandboxTimePause}): 16 minutes of pauses pass in
 * sandbox time, and the sandbox's request log (arrival by that clock) shows that no request of any caller reached
 * Notion during a pause. {@code bench/run storm} does the same with real waiting (see bench/README.md). A second
 * test shows the gateway's budget: a request refused 20 times in a row ({@code bridge.notion.max-rate-limited-attempts})
 * is given up after 19 pauses (38 minutes at 120 s); the run fails and the next one completes.
 */
@Tag("db")
class WarehouseRateLimitStormTest extends WarehouseRouteTestSupport {

    static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");
    static final Duration RETRY_AFTER = Duration.ofSeconds(120);
    static final int STORM = 8;

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(SandboxTimePause.configuration());
    }

    @Override
    protected void warehouseProperties(Properties p) {
        p.setProperty("bridge.warehouse.databases", "actions");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aStormOf429sWithRetryAfter120PausesAllTrafficAndTheFullRefreshCompletesAsACleanOne() throws Exception {
        NotionTrafficPause pause = pause();
        List<Map<String, Object>> cleanRows = cleanRun();

        // the storm: the second query of the walk and the 7 tries after it are refused with Retry-After: 120
        storm(STORM);
        // another job's Notion traffic goes on during the sync: it must be paused too
        AtomicBoolean syncDone = new AtomicBoolean();
        AtomicInteger otherCalls = new AtomicInteger();
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            while (!syncDone.get()) {
                notion().call(NotionRequest.get("/v1/users/me"));
                otherCalls.incrementAndGet();
            }
        });
        long wallStart = System.nanoTime();
        NotionTrafficPause.Tally before = pause.tally();
        WarehouseSyncReport report;
        try {
            report = sync("actions", true);
        } finally {
            syncDone.set(true);
        }
        other.get(30, TimeUnit.SECONDS);
        long wallMs = (System.nanoTime() - wallStart) / 1_000_000;
        SyncStats stormy = report.database("actions");

        assertThat(report.ok()).isTrue();
        assertThat(stormy.outcome()).isEqualTo(SyncStats.Outcome.ok);
        assertThat(content(rows("database_name = ?", "actions"))).as("the same bronze rows as the clean run")
                .isEqualTo(cleanRows);

        List<RequestLogEntry> log = sandbox().requestLog().entries();
        List<Instant> refused = log.stream().filter(e -> e.status() == 429).map(RequestLogEntry::sandboxTime).sorted().toList();
        assertThat(refused).as("every 429 of the storm reached the bridge").hasSize(STORM);
        for (Instant t : refused) {
            Instant end = t.plus(RETRY_AFTER);
            assertThat(log).as("no request of any caller reached Notion in the pause after the 429 at " + t)
                    .noneMatch(e -> e.sandboxTime().isAfter(t) && e.sandboxTime().isBefore(end));
        }
        for (int i = 1; i < refused.size(); i++) {
            assertThat(Duration.between(refused.get(i - 1), refused.get(i))).isGreaterThanOrEqualTo(RETRY_AFTER);
        }
        Instant stormEnd = refused.get(refused.size() - 1).plus(RETRY_AFTER);
        assertThat(log).as("the other job was active before the storm and went on after it")
                .anyMatch(e -> e.path().equals("/v1/users/me") && !e.sandboxTime().isAfter(refused.get(0)))
                .anyMatch(e -> e.path().equals("/v1/users/me") && !e.sandboxTime().isBefore(stormEnd));
        assertThat(log).as("all 5 pages of results were read, the refused one after the storm")
                .filteredOn(e -> e.endpoint().equals("POST /v1/data_sources/{id}/query") && e.status() == 200).hasSize(5);

        NotionTrafficPause.Tally during = pause.tally().since(before);
        assertThat(during).isEqualTo(new NotionTrafficPause.Tally(STORM, STORM * RETRY_AFTER.toMillis()));
        assertThat(stormy.rateLimitPauses()).as("the run's statistics record the pauses").isEqualTo(STORM);
        assertThat(stormy.pausedMs()).isEqualTo(STORM * RETRY_AFTER.toMillis());
        assertThat(stormy.durationMs()).as("run time by Notion's clock").isGreaterThanOrEqualTo(STORM * RETRY_AFTER.toMillis());
        assertThat(new JobRuns(db.dataSource()).last(WarehouseSettings.JOB, "actions").orElseThrow().outcome())
                .isEqualTo(JobRuns.Outcome.OK);
        assertThat(storedStats()).contains("\"rate_limit_pauses\":" + STORM, "\"paused_ms\":" + STORM * RETRY_AFTER.toMillis());
        System.out.printf("DRILL 429 storm: %d x 429 (Retry-After 120 s), %d pauses of %s, paused %d ms in all, "
                        + "run time %d ms by the sandbox clock and %d ms of wall time, %d calls of another job, %d requests%n",
                refused.size(), during.pauses(), RETRY_AFTER, stormy.pausedMs(), stormy.durationMs(), wallMs,
                otherCalls.get(), log.size());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aStormLongerThanTheGatewaysBudgetFailsTheRunAndTheNextRunCompletes() throws Exception {
        List<Map<String, Object>> cleanRows = cleanRun();
        int budget = Integer.parseInt(context.resolvePropertyPlaceholders("{{bridge.notion.max-rate-limited-attempts}}"));
        assertThat(budget).isEqualTo(20);

        // one request refused 20 times in a row: 19 pauses of 120 s (38 minutes), then the gateway gives up
        storm(budget);
        SyncStats failed = sync("actions", true).database("actions");

        assertThat(failed.outcome()).isEqualTo(SyncStats.Outcome.failed);
        assertThat(failed.error()).contains("429").contains("rate_limited");
        assertThat(failed.rateLimitPauses()).isEqualTo(budget - 1);
        assertThat(failed.pausedMs()).isEqualTo((budget - 1) * RETRY_AFTER.toMillis());
        assertThat(sandbox().requestLog().count(429)).isEqualTo(budget);

        SyncStats next = sync("actions", true).database("actions");
        assertThat(next.outcome()).as("the next run, after the storm, completes").isEqualTo(SyncStats.Outcome.ok);
        assertThat(content(rows("database_name = ?", "actions"))).isEqualTo(cleanRows);
    }

    private NotionTrafficPause pause() {
        return context.getRegistry().lookupByNameAndType(GatewayConfiguration.PAUSE_BEAN, NotionTrafficPause.class);
    }

    /**
     * Freezes the sandbox clock, gives Actions 500 pages (5 pages of query results), runs a clean full refresh and
     * returns its rows; then forgets it, so that the next run starts from an empty table as the clean one did.
     */
    private List<Map<String, Object>> cleanRun() throws Exception {
        sandbox().clock().freezeAt(T0);
        sandbox().reset(true);
        sandbox().seedPages(DemoData.ACTIONS_DATA_SOURCE_ID, 346, null);
        SyncStats clean = sync("actions", true).database("actions");
        assertThat(clean.pagesFetched()).isEqualTo(500);
        assertThat(clean.rateLimitPauses()).isZero();
        List<Map<String, Object>> rows = content(rows("database_name = ?", "actions"));
        forgetTheRun();
        sandbox().requestLog().reset();
        return rows;
    }

    /** The second query of the next walk, and the tries after it, refused {@code times} in a row (Retry-After 120). */
    private void storm(int times) throws Exception {
        sandbox().faults().add(NotionJson.MAPPER.readTree("{\"path\":\"/v1/data_sources/{id}/query\",\"status\":429,"
                + "\"retry_after\":" + RETRY_AFTER.toSeconds() + ",\"after\":1,\"count\":" + times + "}"));
    }

    /** The rows without their load time: what a clean run and a stormy one must agree on. */
    private static List<Map<String, Object>> content(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new java.util.TreeMap<>(r);
            m.remove("synced_at");
            out.add(m);
        }
        return out;
    }

    /** A fresh start for the database: no bronze rows, no watermark (the store as before the first run). */
    private void forgetTheRun() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + " WHERE database_name = ?")) {
                ps.setString(1, "actions");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_watermarks WHERE job = ? AND scope = ?")) {
                ps.setString(1, WarehouseSettings.JOB);
                ps.setString(2, "actions");
                ps.executeUpdate();
            }
        }
    }

    private String storedStats() throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT last_run_stats FROM sync_watermarks WHERE job = ? AND scope = ?")) {
            ps.setString(1, WarehouseSettings.JOB);
            ps.setString(2, "actions");
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
