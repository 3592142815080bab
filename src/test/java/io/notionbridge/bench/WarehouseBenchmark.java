package io.notionbridge.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.SandboxOptions;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.limit.RateLimitSettings;
import io.notionbridge.warehouse.SyncStats;
import io.notionbridge.warehouse.WarehouseSyncReport;

/**
 * The warehouse sync against a sandbox limited to R requests/s (average R, burst R), the gateway told the same R:
 * <ol>
 *   <li>a full refresh of PAGES pages over 3 databases (Programs, Budget Lines, Risks, filled up with seeded pages;
 *       seeding goes around the HTTP API, so it costs no rate limit), compared with the ideal: one request per 100
 *       pages of each database at R requests/s (ideal time ÷ actual time, target ≥ 0.95);</li>
 *   <li>an incremental run after 1% of the pages were edited: the Notion requests it used.</li>
 * </ol>
 * The sandbox's pages are stamped two hours back, so only the edits are newer than the watermark. Each run has a fresh
 * sandbox, store and runtime (so it also resolves the databases' data sources); before the runs, one untimed run of
 * WARMUP pages without a rate limit warms the JVM, as a long-lived runtime would be. Medians over the runs.
 * <pre>bench/run warehouse [--rate R] [--pages N] [--changed-percent P] [--runs K] [--warmup-pages W]</pre>
 */
public final class WarehouseBenchmark {

    private static final List<String> NAMES = List.of("programs", "budget-lines", "risks");
    private static final Map<String, String> DATA_SOURCES = Map.of("programs", DemoData.PROGRAMS_DATA_SOURCE_ID,
            "budget-lines", DemoData.BUDGET_LINES_DATA_SOURCE_ID, "risks", DemoData.RISKS_DATA_SOURCE_ID);

    /** One run's figures. */
    record Result(int pages, int idealRequests, long fullRequests, long full429, double fullSeconds, long fullFetched,
                  int changed, long incRequests, long incUpdated, double incSeconds) {
        double idealSeconds(int rate) {
            return (double) idealRequests / rate;
        }

        double ratio(int rate) {
            return idealSeconds(rate) / fullSeconds;
        }
    }

    private WarehouseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        int rate = Integer.parseInt(a.getOrDefault("rate", "3"));
        int pages = Integer.parseInt(a.getOrDefault("pages", "10000"));
        double changedPercent = Double.parseDouble(a.getOrDefault("changed-percent", "1"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "1"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup-pages", "2000"));

        if (warmup > 0) {
            // the runtime is long-lived: warm the JVM (JIT, class loading) once, against a sandbox of its own, untimed
            run(1000, warmup, changedPercent);
            System.err.printf("warm-up done (%d pages, unthrottled, not counted)%n", warmup);
        }
        List<Result> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            results.add(run(rate, pages, changedPercent));
            System.err.printf("run %d/%d done%n", run, runs);
        }
        Result first = results.get(0);
        System.out.printf("%nWarehouse sync benchmark: %d pages over %d databases, sandbox limit R = %d req/s (burst %d), "
                + "median of %d run(s)%n", first.pages(), NAMES.size(), rate, rate, runs);
        System.out.printf("%-42s %10s %10s %10s %8s%n", "", "requests", "seconds", "pages", "429s");
        System.out.printf("%-42s %10d %10.1f %10d %8s%n", "full refresh, ideal (1 request/100 pages at R)",
                first.idealRequests(), first.idealSeconds(rate), first.pages(), "-");
        System.out.printf("%-42s %10.0f %10.1f %10.0f %8.0f%n", "full refresh, notion-bridge",
                median(results, r -> (double) r.fullRequests()), median(results, Result::fullSeconds),
                median(results, r -> (double) r.fullFetched()), median(results, r -> (double) r.full429()));
        System.out.printf("%-42s %10.3f   (target ≥ 0.95)%n", "ideal time ÷ actual time", median(results, r -> r.ratio(rate)));
        System.out.printf("%-42s %10.0f %10.1f %10.0f %8s%n",
                String.format("incremental, %.3g%% of pages edited (%d)", changedPercent, first.changed()),
                median(results, r -> (double) r.incRequests()), median(results, Result::incSeconds),
                median(results, r -> (double) r.incUpdated()), "-");
    }

    static Result run(int rate, int pages, double changedPercent) throws Exception {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        try (NotionSandbox sandbox = NotionSandbox.start(SandboxOptions.builder().port(0).demoData(true)
                .rateLimit(RateLimitSettings.average(rate, rate))
                .clock(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), twoHoursAgo))).build())) {
            Map<String, List<String>> ids = seed(sandbox, pages);
            sandbox.clock().set(Instant.now());   // from here on, edits are stamped with the real time
            Properties p = new Properties();
            p.setProperty("bridge.db.url", "jdbc:h2:mem:whbench" + System.nanoTime()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            p.setProperty("bridge.db.user", "sa");
            p.setProperty("bridge.notion.token", sandbox.token());
            p.setProperty("bridge.notion.base-url", sandbox.baseUrl());
            p.setProperty("bridge.notion.rate-limit", Integer.toString(rate));
            p.setProperty("bridge.notion.rate-period-ms", "1000");
            p.setProperty("bridge.warehouse.databases", String.join(",", NAMES));
            try (OneShotRuntime rt = OneShotRuntime.start(BridgeConfig.load(null, p), List.of("warehouse-sync"), p)) {
                int total = ids.values().stream().mapToInt(List::size).sum();
                int ideal = ids.values().stream().mapToInt(l -> (l.size() + 99) / 100).sum();
                sandbox.requestLog().reset();
                long started = System.nanoTime();
                WarehouseSyncReport full = sync(rt, true);
                double fullSeconds = (System.nanoTime() - started) / 1e9;
                long fullRequests = sandbox.requestLog().total();
                long full429 = sandbox.requestLog().count(429);
                requireOk(full);

                int changed = edit(sandbox, ids, changedPercent);
                sandbox.requestLog().reset();
                started = System.nanoTime();
                WarehouseSyncReport inc = sync(rt, false);
                double incSeconds = (System.nanoTime() - started) / 1e9;
                requireOk(inc);
                long updated = inc.databases().stream().mapToLong(s -> s.updated()).sum();
                return new Result(total, ideal, fullRequests, full429, fullSeconds,
                        full.databases().stream().mapToLong(SyncStats::pagesFetched).sum(), changed,
                        sandbox.requestLog().total(), updated, incSeconds);
            }
        }
    }

    /** Fills the three databases up to {@code pages} pages in all (as evenly as possible). */
    private static Map<String, List<String>> seed(NotionSandbox sandbox, int pages) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            String name = NAMES.get(i);
            String ds = DATA_SOURCES.get(name);
            int want = pages / NAMES.size() + (i < pages % NAMES.size() ? 1 : 0);
            List<String> existing = new ArrayList<>();
            sandbox.store().pagesOf(ds).forEach(pr -> existing.add(pr.id));
            existing.addAll(sandbox.seedPages(ds, Math.max(0, want - existing.size()), properties(name)));
            ids.put(name, existing);
        }
        return ids;
    }

    private static IntFunction<JsonNode> properties(String name) {
        String text = "Seeded for the warehouse benchmark: a paragraph of ordinary length so that the page JSON is about "
                + "as large as a real row's, with a few words more to make it so. ";
        return i -> {
            ObjectNode p = NotionJson.object();
            switch (name) {
                case "programs" -> {
                    richText(p, "Description", text + i);
                    p.putObject("Budget").put("number", 1000 + i);
                }
                case "budget-lines" -> {
                    p.putObject("Amount").put("number", 10 + i % 500);
                    p.putObject("Category").putObject("select").put("name", i % 2 == 0 ? "Software" : "Services");
                }
                default -> {
                    richText(p, "Mitigation", text + i);
                    p.putObject("Likelihood").put("number", i % 5);
                }
            }
            return p;
        };
    }

    private static void richText(ObjectNode p, String property, String text) {
        p.putObject(property).putArray("rich_text").addObject().putObject("text").put("content", text);
    }

    /** Edits {@code percent}% of the pages (spread over the databases) as a person would, outside the rate limit. */
    private static int edit(NotionSandbox sandbox, Map<String, List<String>> ids, double percent) {
        int n = 0;
        for (Map.Entry<String, List<String>> e : ids.entrySet()) {
            List<String> pages = e.getValue();
            int count = (int) Math.round(pages.size() * percent / 100);
            int step = Math.max(1, pages.size() / Math.max(1, count));
            for (int k = 0, i = 0; k < count && i < pages.size(); k++, i += step) {
                ObjectNode patch = NotionJson.object();
                patch.putObject("properties").putObject("Name").putArray("title").addObject().putObject("text")
                        .put("content", "Edited " + k);
                sandbox.editAsPerson(pages.get(i), DemoData.USER_MAYA_ID, patch);
                n++;
            }
        }
        return n;
    }

    private static WarehouseSyncReport sync(OneShotRuntime rt, boolean full) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("fullRefresh", full);
        return rt.request("direct:warehouse-sync", null, headers, WarehouseSyncReport.class);
    }

    private static void requireOk(WarehouseSyncReport r) {
        if (r == null || !r.ok()) {
            throw new IllegalStateException("a sync failed: " + r);
        }
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> f) {
        List<Double> s = new ArrayList<>(results.stream().map(f::applyAsDouble).toList());
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** {@code --name value} pairs. */
    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: bench/run warehouse [--rate R] [--pages N] "
                        + "[--changed-percent P] [--runs K] [--warmup-pages W]");
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }
}
