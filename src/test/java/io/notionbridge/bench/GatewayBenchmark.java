package io.notionbridge.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.SandboxOptions;
import io.notionbridge.sandbox.limit.RateLimitSettings;

/**
 * The gateway against a sandbox limited to R requests/s (average R, burst R), with the gateway told the same R:
 * achieved requests/s divided by R and the 429s Notion answered; then, against an identical fresh sandbox, the same
 * number of requests in a plain loop with the official JS SDK ({@code @notionhq/client}). Medians over the runs.
 * <pre>bench/run gateway [--rate R] [--requests N] [--threads T] [--runs K]</pre>
 */
public final class GatewayBenchmark {

    /** One client's run: requests answered 200, failed ones, 429s seen by the sandbox, seconds taken. */
    record Result(int ok, int failed, long limited, double seconds) {
        double rate() {
            return ok / seconds;
        }
    }

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchArgs.parse(args);
        int rate = Integer.parseInt(a.getOrDefault("rate", "10"));
        int requests = Integer.parseInt(a.getOrDefault("requests", "150"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "4"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "3"));
        BenchArgs.ensureNodeModules(Path.of("bench/node"));

        List<Result> gateway = new ArrayList<>();
        List<Result> sdk = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            gateway.add(gatewayRun(rate, requests, threads));
            sdk.add(sdkRun(rate, requests));
            System.err.printf("run %d/%d done%n", run, runs);
        }
        System.out.printf("%nNotion gateway benchmark: sandbox limit R = %d req/s (burst %d), %d requests per client, "
                + "median of %d runs%n", rate, rate, requests, runs);
        System.out.printf("%-34s %12s %8s %8s %8s%n", "client", "achieved/s", "÷ R", "429s", "failed");
        print("notion-bridge gateway (" + threads + " threads)", gateway, rate);
        print("@notionhq/client 5.26 plain loop", sdk, rate);
        System.out.println("target: gateway ÷ R ≥ 0.95 with zero 429s when the limit is known");
    }

    private static void print(String name, List<Result> results, int rate) {
        double achieved = median(results.stream().map(Result::rate).toList());
        double limited = median(results.stream().map(r -> (double) r.limited()).toList());
        double failed = median(results.stream().map(r -> (double) r.failed()).toList());
        System.out.printf("%-34s %12.2f %8.3f %8.0f %8.0f%n", name, achieved, achieved / rate, limited, failed);
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static NotionSandbox sandbox(int rate) {
        return NotionSandbox.start(SandboxOptions.builder().port(0).demoData(false)
                .rateLimit(RateLimitSettings.average(rate, rate)).build());
    }

    static Result gatewayRun(int rate, int requests, int threads) throws Exception {
        try (NotionSandbox sandbox = sandbox(rate)) {
            Properties p = new Properties();
            p.setProperty("bridge.db.url", "jdbc:h2:mem:bench" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
            p.setProperty("bridge.notion.token", sandbox.token());
            p.setProperty("bridge.notion.base-url", sandbox.baseUrl());
            p.setProperty("bridge.notion.rate-limit", Integer.toString(rate));
            p.setProperty("bridge.notion.rate-period-ms", "1000");
            try (OneShotRuntime rt = OneShotRuntime.start(BridgeConfig.load(null, p), List.of(), p)) {
                NotionClient client = rt.context().getRegistry().lookupByNameAndType("notionClient", NotionClient.class);
                client.call(NotionRequest.get("/v1/users/me"));
                // a fresh window: wait until the sandbox's bucket and the throttle have refilled
                Thread.sleep(1500);
                sandbox.requestLog().reset();
                sandbox.rateLimiter().resetCount();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long started = System.nanoTime();
                List<Future<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    calls.add(pool.submit(() -> {
                        try {
                            client.call(NotionRequest.get("/v1/users/me"));
                            return true;
                        } catch (RuntimeException e) {
                            return false;
                        }
                    }));
                }
                int ok = 0;
                for (Future<Boolean> f : calls) {
                    ok += f.get() ? 1 : 0;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                pool.shutdownNow();
                return new Result(ok, requests - ok, sandbox.requestLog().count(429), seconds);
            }
        }
    }

    static Result sdkRun(int rate, int requests) throws Exception {
        try (NotionSandbox sandbox = sandbox(rate)) {
            ProcessBuilder pb = new ProcessBuilder("node", "bench/node/sdk-loop.mjs").redirectErrorStream(false);
            pb.environment().put("NOTION_BASE_URL", sandbox.baseUrl());
            pb.environment().put("NOTION_TOKEN", sandbox.token());
            pb.environment().put("REQUESTS", Integer.toString(requests));
            Process proc = pb.start();
            String out = new String(proc.getInputStream().readAllBytes()).trim();
            if (proc.waitFor() != 0) {
                throw new IllegalStateException("the JS SDK loop failed: " + new String(proc.getErrorStream().readAllBytes()));
            }
            JsonNode r = new ObjectMapper().readTree(out.lines().reduce((x, y) -> y).orElse("{}"));
            return new Result(r.path("ok").asInt(), r.path("failed").asInt(), sandbox.requestLog().count(429),
                    r.path("elapsed_ms").asLong() / 1000.0);
        }
    }
}
