package io.notionbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.notion.property.PropertiesBuilder;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.SandboxOptions;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.limit.RateLimitSettings;
import io.notionbridge.suppression.SuppressionSyncStats;

/**
 * Suppression sync of a large CRM: a sandbox with {@code --pages} CRM pages (default 5,000) and a rate limit of R
 * requests/s; the full sync's pages/s against the ceiling the limit sets (R requests/s × 100 pages per request), and
 * the Notion requests an incremental run uses when nothing changed. Medians over {@code --runs}.
 * <pre>bench/run suppression [--pages N] [--rate R] [--runs K]</pre>
 */
public final class SuppressionBenchmark {

    private SuppressionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchArgs.parse(args);
        int pages = Integer.parseInt(a.getOrDefault("pages", "5000"));
        int rate = Integer.parseInt(a.getOrDefault("rate", "3"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "3"));
        List<Double> pagesPerSecond = new ArrayList<>();
        List<Double> incrementalRequests = new ArrayList<>();
        List<Double> fullRequests = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            try (NotionSandbox sandbox = NotionSandbox.start(SandboxOptions.builder().port(0)
                    .rateLimit(RateLimitSettings.average(rate, rate)).build())) {
                // pages edited over the past hours, 50 per minute (the inclusive watermark re-reads its last minute)
                int batches = (pages + 49) / 50;
                sandbox.clock().set(java.time.Instant.now().minus(java.time.Duration.ofMinutes(batches + 5L)));
                for (int b = 0; b < batches; b++) {
                    int offset = b * 50;
                    sandbox.seedPages(DemoData.CRM_DATA_SOURCE_ID, Math.min(50, pages - offset), i -> new PropertiesBuilder()
                            .title("Name", "Company " + (offset + i)).richText("Canonical Key", "domain:company" + (offset + i) + ".com")
                            .build());
                    sandbox.clock().advance(java.time.Duration.ofMinutes(1));
                }
                sandbox.clock().set(java.time.Instant.now());
                Properties p = new Properties();
                p.setProperty("bridge.db.url", "jdbc:h2:mem:sup" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
                p.setProperty("bridge.notion.token", sandbox.token());
                p.setProperty("bridge.notion.base-url", sandbox.baseUrl());
                p.setProperty("bridge.notion.rate-limit", Integer.toString(rate));
                try (OneShotRuntime rt = OneShotRuntime.start(BridgeConfig.load(null, p), List.of("suppression-sync"), p)) {
                    SuppressionSyncStats full = rt.request("direct:suppression-sync", null, Map.of("full", true),
                            SuppressionSyncStats.class);
                    pagesPerSecond.add(full.pagesFetched / (full.durationMs / 1000.0));
                    fullRequests.add((double) full.notionRequests);
                    SuppressionSyncStats inc = rt.request("direct:suppression-sync", null, Map.of(), SuppressionSyncStats.class);
                    incrementalRequests.add((double) inc.notionRequests);
                }
            }
            System.err.printf("run %d/%d done%n", run, runs);
        }
        double achieved = GatewayBenchmark.median(pagesPerSecond);
        double ceiling = rate * 100.0;
        System.out.printf("%nSuppression sync benchmark: %d CRM pages (+ the demo's), rate limit R = %d req/s, median of %d runs%n",
                pages, rate, runs);
        System.out.printf("%-46s %12s%n", "figure", "value");
        System.out.printf("%-46s %12.1f%n", "full sync: pages/s", achieved);
        System.out.printf("%-46s %12.0f%n", "ceiling: R × 100 pages per request", ceiling);
        System.out.printf("%-46s %12.3f%n", "full sync ÷ ceiling", achieved / ceiling);
        System.out.printf("%-46s %12.0f%n", "full sync: Notion requests", GatewayBenchmark.median(fullRequests));
        System.out.printf("%-46s %12.0f%n", "incremental, nothing changed: Notion requests", GatewayBenchmark.median(incrementalRequests));
    }
}
