package io.notionbridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.discovery.DiscoveryPush;
import io.notionbridge.discovery.PushSummary;
import io.notionbridge.discovery.SignalIntake;
import io.notionbridge.discovery.SuppressionEntries;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.property.PageReader;
import io.notionbridge.notion.property.PageView;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.store.JobRuns;
import io.notionbridge.store.StoreConfiguration;

/**
 * Discovery to CRM, measured on the runtime's own routes against the sandbox (no rate limit) and an H2 file store:
 * <ol>
 *   <li>Notion requests per pushed prospect with a fresh suppression cache (target at most 1.05), for new companies
 *       only, and with companies the cache knows; with a stale cache for reference;</li>
 *   <li>intake: signals/s into H2 for {@code --signals} signals POSTed in batches of {@code --batch} (median of
 *       {@code --runs});</li>
 *   <li>scoring and grouping: prospects/s of the push route (load, split, aggregate, gate, order) over those
 *       signals, in a dry run where every company is held (median of {@code --runs});</li>
 *   <li>peak heap in each phase.</li>
 * </ol>
 * {@code bench/run discovery [--signals 100000] [--batch 500] [--runs 3] [--prospects 200]}
 */
public final class DiscoveryBenchmark {

    private static final String[] TYPES = {"github_star_spike", "funding_post", "hiring_spike", "product_launch",
            "new_incorporation"};
    private static final String[] SOURCES = {"github", "news", "linkedin", "producthunt", "companies_house"};

    private final int signals;
    private final int batch;
    private final int runs;
    private final int prospects;
    private final List<String[]> rows = new ArrayList<>();

    private DiscoveryBenchmark(int signals, int batch, int runs, int prospects) {
        this.signals = signals;
        this.batch = batch;
        this.runs = runs;
        this.prospects = prospects;
    }

    public static void main(String[] args) throws Exception {
        int signals = 100_000;
        int batch = 500;
        int runs = 3;
        int prospects = 200;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--signals" -> signals = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--prospects" -> prospects = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new DiscoveryBenchmark(signals, batch, runs, prospects).run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Discovery benchmark: %,d signals in batches of %d, %d runs, %d prospects per push; "
                + "Java %s, %d CPUs, max heap %d MB%n", signals, batch, runs, prospects, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        requestsPerProspect();
        intakeAndGrouping();
        printTable();
    }

    // ---- 1. Notion requests per pushed prospect ------------------------------------------------------------

    private void requestsPerProspect() throws Exception {
        int known = prospects / 4;
        resetPeaks();
        try (Bridge rt = Bridge.start(Map.of())) {
            NotionSandbox sandbox = rt.sandbox();
            // 50 more companies in the CRM, as people or earlier runs put them there
            sandbox.seedPages(DemoData.CRM_DATA_SOURCE_ID, known * 2, i -> crmPage("known" + i + ".io"));
            rt.suppressionSync(true);

            rt.intake(signalsFor("new", 0, prospects, i -> 0.9));
            sandbox.requestLog().reset();
            PushSummary s = rt.push();
            rows.add(row("Notion requests per pushed prospect, fresh cache: " + s.pushed() + " new companies",
                    ratio(sandbox.requestLog().total(), s.pushed()), "<= 1.05 (" + endpoints(sandbox) + ")"));

            List<String> mixed = signalsFor("new2-", 0, prospects - known, i -> 0.9);
            mixed.addAll(signalsFor("known", 0, known, i -> 0.9));
            rt.intake(mixed);
            sandbox.requestLog().reset();
            s = rt.push();
            rows.add(row("  same, " + (prospects - known) + " new + " + known + " known companies (" + s.pushedUpdated()
                            + " updated)", ratio(sandbox.requestLog().total(), s.pushed()),
                    "<= 1.05 (" + endpoints(sandbox) + ")"));

            // the cache knows the company but not its page's signal types: one read more per update
            rt.suppressionSync(false);
            List<String> unknownTypes = signalsFor("new3-", 0, prospects - known, i -> 0.9);
            unknownTypes.addAll(signalsFor("known", known, known, i -> 0.9));
            rt.intake(unknownTypes);
            sandbox.requestLog().reset();
            s = rt.push();
            rows.add(row("  same, " + known + " known without signal types in the cache", ratio(sandbox.requestLog().total(),
                    s.pushed()), "reference (" + endpoints(sandbox) + ")"));

            rt.staleCache();
            rt.intake(signalsFor("new4-", 0, prospects, i -> 0.9));
            sandbox.requestLog().reset();
            s = rt.push();
            rows.add(row("  stale cache (lookup by key before each create), " + s.pushed() + " new", ratio(
                    sandbox.requestLog().total(), s.pushed()), "reference (" + endpoints(sandbox) + ")"));
        }
        rows.add(row("Peak heap, requests phase", peakHeapMb() + " MB", "largest after a GC: " + afterGcPeakMb() + " MB"));
    }

    // ---- 2 and 3. Intake rate and scoring/grouping rate -----------------------------------------------------

    private void intakeAndGrouping() throws Exception {
        int companies = Math.max(1, signals / 5);
        List<String> bodies = new ArrayList<>();
        Random random = new Random(42);
        List<String> all = new ArrayList<>(signals);
        for (int i = 0; i < signals; i++) {
            int company = i % companies;
            int nth = i / companies;
            all.add(signal("co" + company + ".io", "Company " + company, TYPES[(company + nth) % TYPES.length],
                    SOURCES[(company + nth * 3) % SOURCES.length], 0.05 + 0.2 * random.nextDouble(),
                    Instant.parse("2026-07-01T00:00:00Z").plusSeconds(nth * 3600L + company)));
        }
        for (int i = 0; i < all.size(); i += batch) {
            bodies.add("[" + String.join(",", all.subList(i, Math.min(all.size(), i + batch))) + "]");
        }
        all.clear();
        List<Double> intakeRates = new ArrayList<>();
        List<Double> groupingRates = new ArrayList<>();
        long intakePeak = 0;
        long groupingPeak = 0;
        long intakeLive = 0;
        long groupingLive = 0;
        int grouped = 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int run = 1; run <= runs; run++) {
            // confidences of at most 0.25 score below 0.49, so with both thresholds at 1.0 every company is held:
            // the push route loads, groups, scores and orders them, and writes nothing
            try (Bridge rt = Bridge.start(Map.of("bridge.gate.auto-push-threshold", "1.0",
                    "bridge.gate.review-threshold", "1.0", "bridge.discovery.push.max-keys", Integer.toString(companies)))) {
                URI uri = URI.create("http://127.0.0.1:" + rt.httpPort + "/api/signals");
                System.gc();
                resetPeaks();
                long t0 = System.nanoTime();
                for (String body : bodies) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("intake answered " + r.statusCode() + ": " + r.body());
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                intakeRates.add(signals / seconds);
                intakePeak = Math.max(intakePeak, peakHeapMb());
                intakeLive = Math.max(intakeLive, afterGcPeakMb());
                System.out.printf(Locale.ROOT, "  run %d: intake %,d signals in %.1f s%n", run, signals, seconds);

                System.gc();
                resetPeaks();
                long t1 = System.nanoTime();
                PushSummary s = rt.push(true);
                double groupSeconds = (System.nanoTime() - t1) / 1e9;
                grouped = s.processed();
                if (s.held() != s.processed()) {
                    throw new IllegalStateException("expected every prospect held: " + s.logLine());
                }
                groupingRates.add(s.processed() / groupSeconds);
                groupingPeak = Math.max(groupingPeak, peakHeapMb());
                groupingLive = Math.max(groupingLive, afterGcPeakMb());
                System.out.printf(Locale.ROOT, "  run %d: grouped and scored %,d prospects in %.1f s%n", run, s.processed(),
                        groupSeconds);
            }
        }
        rows.add(row(String.format(Locale.ROOT, "Intake into H2 over HTTP, %,d signals in batches of %d (signals/s)", signals,
                batch), String.format(Locale.ROOT, "%,.0f", median(intakeRates)), "median of " + runs + ": " + list(intakeRates)));
        rows.add(row(String.format(Locale.ROOT, "Scoring and grouping, %,d prospects from %,d signals (prospects/s)", grouped,
                signals), String.format(Locale.ROOT, "%,.0f", median(groupingRates)), "median of " + runs + ": "
                + list(groupingRates)));
        rows.add(row("Peak heap, intake", intakePeak + " MB", "max over runs; largest after a GC: " + intakeLive + " MB"));
        rows.add(row("Peak heap, scoring and grouping", groupingPeak + " MB", "max over runs; largest after a GC: "
                + groupingLive + " MB"));
    }

    // ---- the runtime under test ----------------------------------------------------------------------------

    /** The bridge's routes (intake and push) in a one-shot runtime with its own H2 file store and sandbox. */
    private static final class Bridge implements AutoCloseable {
        final OneShotRuntime rt;
        final Path dir;
        final int httpPort;

        private Bridge(OneShotRuntime rt, Path dir, int httpPort) {
            this.rt = rt;
            this.dir = dir;
            this.httpPort = httpPort;
        }

        static Bridge start(Map<String, String> extra) throws IOException {
            Path dir = Files.createTempDirectory("discovery-bench-");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Properties p = new Properties();
            p.setProperty("bridge.db.url", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            p.setProperty("bridge.sandbox.port", "0");
            p.setProperty("bridge.sandbox.rate-limit", "off");
            p.setProperty("bridge.notion.rate-limit", "10000");
            p.setProperty("bridge.discovery.demo-feed", "false");
            p.setProperty("bridge.signals.max-batch-size", "100000");
            p.setProperty("bridge.signals.max-body-bytes", "100000000");
            p.setProperty("camel.server.port", Integer.toString(port));
            p.putAll(extra);
            OneShotRuntime rt = OneShotRuntime.start(BridgeConfig.load(null, p), List.of("discovery-intake", "discovery-push"), p);
            return new Bridge(rt, dir, port);
        }

        NotionSandbox sandbox() {
            return rt.context().getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
        }

        void intake(List<String> signals) {
            SignalIntake intake = rt.context().getRegistry().lookupByNameAndType("signalIntake", SignalIntake.class);
            intake.accept(("[" + String.join(",", signals) + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        }

        PushSummary push() {
            return push(false);
        }

        PushSummary push(boolean dryRun) {
            return rt.request("direct:discovery-push", null, Map.of(DiscoveryPush.DRY_RUN, dryRun), PushSummary.class);
        }

        /**
         * What a suppression sync does: reads every CRM page and writes its cache row (with the page's signal types
         * when {@code withTypes}), then records a successful run so the push job counts the cache as fresh.
         */
        void suppressionSync(boolean withTypes) {
            javax.sql.DataSource ds = StoreConfiguration.dataSource(rt.context());
            SuppressionEntries cache = new SuppressionEntries(ds, java.time.Duration.ofHours(24), java.time.Clock.systemUTC());
            NotionClient notion = rt.context().getRegistry().lookupByNameAndType("notionClient", NotionClient.class);
            notion.forEachResult(DemoData.CRM_DATA_SOURCE_ID, NotionJson.object(), page -> {
                PageView v = PageReader.read(page);
                Object key = v.property("Canonical Key");
                if (key instanceof String k && !k.isBlank()) {
                    List<String> types = v.property("Signal Types") instanceof List<?> l
                            ? l.stream().map(String::valueOf).toList() : List.of();
                    cache.upsert(k, "strong", v.id(), (String) v.property("Status"), (String) v.property("Name"),
                            v.lastEditedTime(), types);
                    if (!withTypes) {
                        try (var c = ds.getConnection(); var ps = c.prepareStatement(
                                "UPDATE suppression_cache SET metadata = NULL WHERE canonical_key = ?")) {
                            ps.setString(1, k);
                            ps.executeUpdate();
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            });
            JobRuns runs = new JobRuns(ds);
            runs.finish(runs.start("suppression-sync", null, false), JobRuns.Outcome.OK, Map.of(), null);
        }

        /** The last suppression sync is older than the max age. */
        void staleCache() {
            javax.sql.DataSource ds = StoreConfiguration.dataSource(rt.context());
            try (var c = ds.getConnection(); var st = c.createStatement()) {
                st.executeUpdate("UPDATE job_runs SET finished_at = finished_at - INTERVAL '1' DAY WHERE job = 'suppression-sync'");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException {
            rt.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static ObjectNode crmPage(String domain) {
        ObjectNode p = NotionJson.object();
        p.putObject("Name").putArray("title").addObject().putObject("text").put("content", domain);
        p.putObject("Canonical Key").putArray("rich_text").addObject().putObject("text").put("content", "domain:" + domain);
        ArrayNode types = p.putObject("Signal Types").putArray("multi_select");
        types.addObject().put("name", "hiring_spike");
        return p;
    }

    private static List<String> signalsFor(String prefix, int from, int n, Function<Integer, Double> confidence) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(signal(prefix + i + ".io", "Company " + prefix + i, "funding_post", "news", confidence.apply(i), null));
        }
        return out;
    }

    private static String signal(String domain, String name, String type, String source, double confidence, Instant at) {
        ObjectNode o = NotionJson.object().put("signal_type", type).put("source_api", source).put("company_name", name)
                .put("confidence", Math.round(confidence * 1000) / 1000.0).put("website", "https://" + domain);
        if (at != null) {
            o.put("detected_at", at.toString());
        }
        o.putObject("raw_data").put("description", name + " builds things.").put("target_raise", 1_500_000);
        return o.toString();
    }

    private static String endpoints(NotionSandbox sandbox) {
        ObjectNode byEndpoint = (ObjectNode) sandbox.requestLog().countersJson().get("by_endpoint");
        List<String> parts = new ArrayList<>();
        byEndpoint.fields().forEachRemaining(e -> {
            long n = 0;
            for (var v : e.getValue()) {
                n += v.asLong();
            }
            parts.add(e.getKey() + " " + n);
        });
        return String.join(", ", parts);
    }

    private static String ratio(long requests, int pushed) {
        return pushed == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) requests / pushed);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        AFTER_GC_PEAK.set(0);
    }

    /** The most heap in use right after a collection since the last reset: close to the peak of live data. */
    private static final java.util.concurrent.atomic.AtomicLong AFTER_GC_PEAK = new java.util.concurrent.atomic.AtomicLong();

    static {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof javax.management.NotificationEmitter emitter) {
                emitter.addNotificationListener((n, h) -> {
                    if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                (javax.management.openmbean.CompositeData) n.getUserData());
                        long used = 0;
                        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                            var after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                            if (pool.getType() == MemoryType.HEAP && after != null) {
                                used += after.getUsed();
                            }
                        }
                        AFTER_GC_PEAK.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
    }

    private static long afterGcPeakMb() {
        return AFTER_GC_PEAK.get() >> 20;
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList());
    }

    private static String[] row(String measure, String value, String note) {
        return new String[] {measure, value, note};
    }

    private void printTable() {
        int w0 = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        int w1 = Math.max(5, rows.stream().mapToInt(r -> r[1].length()).max().orElse(5));
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-" + w0 + "s | %" + w1 + "s | %s%n", "Measure", "Value", "Target / note");
        System.out.println("|" + "-".repeat(w0 + 2) + "|" + "-".repeat(w1 + 2) + "|" + "-".repeat(20));
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, "| %-" + w0 + "s | %" + w1 + "s | %s%n", r[0], r[1], r[2]);
        }
    }
}
