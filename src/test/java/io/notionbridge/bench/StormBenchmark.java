package io.notionbridge.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
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

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.gateway.GatewayConfiguration;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.gateway.NotionTrafficPause;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.SandboxOptions;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.observe.RequestLogEntry;
import io.notionbridge.store.StoreConfiguration;
import io.notionbridge.warehouse.SyncStats;
import io.notionbridge.warehouse.WarehouseSyncReport;

/**
 * The 429 storm drill with real waiting (the route test {@code WarehouseRateLimitStormTest} runs the same storm on
 * the sandbox's clock): a warehouse full refresh of Actions ({@code --pages}, 5 pages of query results by default)
 * while the sandbox refuses the second query {@code --storm} times in a row with {@code Retry-After: --retry-after}
 * seconds, and another caller keeps reading Notion through the same gateway. It prints each 429, how long the gateway
 * took to start the pause, the pause, when the next request of any caller reached the sandbox (wall clock), requests
 * that arrived during a pause (must be 0), the run's statistics, the run time, and whether the bronze rows equal
 * those of a clean run. Exit code 1 when a check fails. {@code bench/run storm [--retry-after 120] [--storm 2] [--pages 500]}
 */
public final class StormBenchmark {

    /** Requests already past the gateway's pause gate when a pause starts may still arrive this long after. */
    static final Duration IN_FLIGHT = Duration.ofMillis(250);

    private StormBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchArgs.parse(args);
        int retryAfter = Integer.parseInt(a.getOrDefault("retry-after", "120"));
        int storm = Integer.parseInt(a.getOrDefault("storm", "2"));
        int pages = Integer.parseInt(a.getOrDefault("pages", "500"));
        System.exit(run(retryAfter, storm, pages) ? 0 : 1);
    }

    static boolean run(int retryAfter, int storm, int pages) throws Exception {
        try (NotionSandbox sandbox = NotionSandbox.start(SandboxOptions.builder().port(0).noRateLimit().build())) {
            sandbox.seedPages(DemoData.ACTIONS_DATA_SOURCE_ID, pages - 154, null);
            List<String> cleanRows;
            try (OneShotRuntime clean = runtime(sandbox)) {
                requireOk(sync(clean));
                cleanRows = rows(clean);
            }
            sandbox.requestLog().reset();
            sandbox.faults().add(NotionJson.MAPPER.readTree("{\"path\":\"/v1/data_sources/{id}/query\",\"status\":429,"
                    + "\"retry_after\":" + retryAfter + ",\"after\":1,\"count\":" + storm + "}"));
            try (OneShotRuntime rt = runtime(sandbox)) {
                NotionClient notion = rt.context().getRegistry().lookupByNameAndType("notionClient", NotionClient.class);
                AtomicBoolean done = new AtomicBoolean();
                AtomicInteger otherCalls = new AtomicInteger();
                CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                    while (!done.get()) {
                        notion.call(NotionRequest.get("/v1/users/me"));
                        otherCalls.incrementAndGet();
                    }
                });
                long started = System.nanoTime();
                WarehouseSyncReport report;
                try {
                    report = sync(rt);
                } finally {
                    done.set(true);
                }
                other.get(60, TimeUnit.SECONDS);
                double seconds = (System.nanoTime() - started) / 1e9;
                SyncStats s = report.database("actions");
                boolean sameRows = report.ok() && rows(rt).equals(cleanRows);
                NotionTrafficPause pause = rt.context().getRegistry().lookupByNameAndType(GatewayConfiguration.PAUSE_BEAN,
                        NotionTrafficPause.class);
                return print(sandbox.requestLog().entries(), pause.recentPauses(), Duration.ofSeconds(retryAfter), storm, s,
                        seconds, otherCalls.get(), sameRows, cleanRows.size());
            }
        }
    }

    private static boolean print(List<RequestLogEntry> log, List<NotionTrafficPause.Window> pauses, Duration retryAfter,
                                 int storm, SyncStats s, double seconds, int otherCalls, boolean sameRows, int rows) {
        List<RequestLogEntry> refused = log.stream().filter(e -> e.status() == 429).toList();
        System.out.printf("%n429 storm drill: warehouse full refresh of Actions (%d pages), %d x 429 with Retry-After %d s, "
                + "another caller reading Notion meanwhile%n", rows, storm, retryAfter.toSeconds());
        System.out.printf("%-32s %10s %10s %10s %14s %10s%n", "429 arrived (wall clock)", "react ms", "pause s",
                "on way", "next after s", "in pause");
        long leaks = 0;
        long onTheirWay = 0;
        boolean pausesOk = refused.size() == pauses.size();
        for (int i = 0; i < refused.size() && i < pauses.size(); i++) {
            Instant t = refused.get(i).sandboxTime();
            NotionTrafficPause.Window w = pauses.get(i);
            Instant settled = w.started().plus(IN_FLIGHT);
            long onWay = log.stream().filter(e -> !e.sandboxTime().isBefore(w.started())
                    && !e.sandboxTime().isAfter(settled)).count();
            long inPause = log.stream().filter(e -> e.sandboxTime().isAfter(settled)
                    && e.sandboxTime().isBefore(w.until())).count();
            Instant next = log.stream().map(RequestLogEntry::sandboxTime).filter(x -> x.isAfter(settled))
                    .min(Instant::compareTo).orElse(null);
            leaks += inPause;
            onTheirWay += onWay;
            pausesOk &= !Duration.between(w.started(), w.until()).minus(retryAfter).isNegative();
            System.out.printf("%-32s %10d %10.3f %10d %14.3f %10d%n", t, Duration.between(t, w.started()).toMillis(),
                    Duration.between(w.started(), w.until()).toMillis() / 1000.0, onWay,
                    next == null ? Double.NaN : Duration.between(w.started(), next).toMillis() / 1000.0, inPause);
        }
        boolean ok = refused.size() == storm && pausesOk && leaks == 0 && sameRows && s.outcome() == SyncStats.Outcome.ok;
        System.out.printf("%nreact ms: from the 429's arrival at the sandbox to the start of the gateway's pause (requests "
                + "arriving then left before the bridge knew of the 429); on way: requests arriving in the first %d ms of "
                + "the pause, already past the gateway's gate when it started; next after s: first request after that, "
                + "from the pause's start; in pause: any other request before the pause's end (must be 0)%n",
                IN_FLIGHT.toMillis());
        System.out.printf("%-44s %s%n", "sync outcome", s.outcome());
        System.out.printf("%-44s %d%n", "rate_limit_pauses (run statistics)", s.rateLimitPauses());
        System.out.printf("%-44s %d%n", "paused_ms (run statistics)", s.pausedMs());
        System.out.printf("%-44s %.1f%n", "run time, wall clock (s)", seconds);
        System.out.printf("%-44s %d%n", "calls of the other caller", otherCalls);
        System.out.printf("%-44s %d%n", "requests already on their way at a pause", onTheirWay);
        System.out.printf("%-44s %d%n", "requests that reached Notion during a pause", leaks);
        System.out.printf("%-44s %s%n", "bronze rows equal to a clean run's", sameRows);
        System.out.printf("%-44s %s%n", "drill", ok ? "PASSED" : "FAILED");
        return ok;
    }

    private static OneShotRuntime runtime(NotionSandbox sandbox) {
        Properties p = new Properties();
        p.setProperty("bridge.db.url", "jdbc:h2:mem:storm" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        p.setProperty("bridge.db.user", "sa");
        p.setProperty("bridge.notion.token", sandbox.token());
        p.setProperty("bridge.notion.base-url", sandbox.baseUrl());
        p.setProperty("bridge.notion.rate-limit", "1000");
        p.setProperty("bridge.warehouse.databases", "actions");
        p.setProperty("bridge.warehouse.database.actions.id", DemoData.ACTIONS_DATABASE_ID);
        return OneShotRuntime.start(BridgeConfig.load(null, p), List.of("warehouse-sync"), p);
    }

    private static WarehouseSyncReport sync(OneShotRuntime rt) {
        return rt.request("direct:warehouse-sync", null, Map.of("fullRefresh", true), WarehouseSyncReport.class);
    }

    private static void requireOk(WarehouseSyncReport r) {
        if (!r.ok()) {
            throw new IllegalStateException("the clean run failed: " + r);
        }
    }

    /** The bronze rows without their load time, in page order. */
    private static List<String> rows(OneShotRuntime rt) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = StoreConfiguration.dataSource(rt.context()).getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM bronze.bronze_notion_raw_pages ORDER BY page_id")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (!md.getColumnLabel(i).equalsIgnoreCase("synced_at")) {
                        b.append(md.getColumnLabel(i)).append('=').append(rs.getString(i)).append('\n');
                    }
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
