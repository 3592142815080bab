package io.notionbridge.bench;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.notionbridge.App;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.tasks.webhook.WebhookSignature;
import org.apache.camel.main.Main;

/**
 * Webhook intake under load: the runtime (sandbox mode, its own H2 file store, timers off so only the intake runs)
 * receives signed Notion events from {@code wrk} on loopback: 2 threads, 32 connections. Every request is a distinct,
 * correctly signed event, generated beforehand (wrk's Lua cannot compute HMAC). After each run, every event wrk saw
 * acknowledged with {@code "accepted"} is looked up in the inbox. Prints requests/s and latency percentiles per run,
 * and their medians.
 * <pre>bench/run webhook [--duration 15] [--runs 3] [--threads 2] [--connections 32] [--db-url JDBC_URL]</pre>
 * Installs wrk with apt-get when it is missing and the user may; otherwise stops with the command to run.
 */
public final class WebhookBenchmark {

    private static final String SECRET = "secret_webhook_benchmark_" + UUID.randomUUID().toString().replace("-", "");
    private static final String PAGE = "6701b313-9e36-5ff7-84f4-b4e6cee24839";
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");
    private static final Pattern PCT = Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: (.*)");
    private static final Pattern THREAD = Pattern.compile("THREAD (\\d+) accepted=(\\d+) duplicate=(\\d+) other=(\\d+) wrapped=(\\d+)");

    /** One wrk run and its check against the inbox. */
    record Run(double rps, long requests, Map<String, Double> latencyMs, long non2xx, String socketErrors,
               long accepted, long duplicates, long other, long inboxRows, long ackedMissing) {
    }

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = args(args);
        int duration = Integer.parseInt(a.getOrDefault("duration", "15"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "3"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "32"));
        String wrk = ensureWrk();
        Path work = Files.createTempDirectory("webhook-bench-");
        String dbUrl = a.getOrDefault("db-url", "jdbc:h2:file:" + work.resolve("store").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        int port = freePort();
        Main main = start(dbUrl, port);
        try {
            DataSource ds = main.getCamelContext().getRegistry().lookupByNameAndType("dataSource", DataSource.class);
            String url = "http://127.0.0.1:" + port + "/webhook/notion";
            // warm-up (the JIT needs it: the first seconds run at a fraction of the rate) and calibration: each run gets
            // enough distinct events for 3.5 times the best rate seen so far, so wrk never has to send one twice
            double best = 0;
            for (int w = 1; w <= 3; w++) {
                Run warm = run(wrk, url, work, ds, "warm" + w, threads, connections, 8,
                        perThread(Math.max(best, 3000), 8, threads));
                best = Math.max(best, warm.rps());
                System.err.printf("warm-up %d: %.0f req/s%n", w, warm.rps());
            }
            List<Run> results = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                Run r = run(wrk, url, work, ds, "r" + i, threads, connections, duration, perThread(best, duration, threads));
                results.add(r);
                best = Math.max(best, r.rps());
                System.err.printf("run %d/%d: %.0f req/s, p99 %.2f ms%n", i, runs, r.rps(), r.latencyMs().get("99"));
            }
            print(results, duration, threads, connections, dbUrl.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2 file");
        } finally {
            main.stop();
            deleteTree(work);
        }
    }

    private static int perThread(double rps, int seconds, int threads) {
        return (int) Math.min(400_000, Math.max(20_000, rps * seconds * 3.5 / threads));
    }

    private static Main start(String dbUrl, int port) throws Exception {
        BridgeConfig config = BridgeConfig.load(null, null);
        Main main = new Main(App.class);
        main.setPropertyPlaceholderLocations(config.locations());
        Properties p = new Properties();
        p.setProperty("bridge.db.url", dbUrl);
        p.setProperty("camel.server.host", "127.0.0.1");
        p.setProperty("camel.server.port", Integer.toString(port));
        p.setProperty("camel.management.host", "127.0.0.1");
        p.setProperty("camel.management.port", Integer.toString(freePort()));
        p.setProperty("camel.main.jmx-enabled", "false");
        p.setProperty("bridge.scheduler.enabled", "false");
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.tasks.sandbox-webhook", "false");
        p.setProperty("bridge.notion.webhook-secret", SECRET);
        main.setOverrideProperties(p);
        main.start();
        return main;
    }

    private static Run run(String wrk, String url, Path work, DataSource ds, String tag, int threads, int connections,
                           int seconds, int perThread) throws Exception {
        Path dir = Files.createDirectories(work.resolve(tag));
        Set<String> generated = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("bodies-" + t + ".txt"), StandardCharsets.UTF_8)) {
                WebhookSignature signer = new WebhookSignature(SECRET);
                for (int i = 0; i < perThread; i++) {
                    String id = tag + "-" + t + "-" + i + "-" + UUID.randomUUID();
                    generated.add(id);
                    String body = event(id);
                    w.write(signer.sign(body.getBytes(StandardCharsets.UTF_8)));
                    w.write('\t');
                    w.write(body);
                    w.write('\n');
                }
            }
        }
        Path script = dir.resolve("signed.lua");
        Files.writeString(script, LUA.replace("@DIR@", dir.toAbsolutePath().toString()));
        long rowsBefore = count(ds, "SELECT COUNT(*) FROM webhook_inbox");
        Process wrkProcess = new ProcessBuilder(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "5s", "-s", script.toString(), url).redirectErrorStream(true).start();
        String out = new String(wrkProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrkProcess.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrkProcess.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        if (!tag.startsWith("warm")) {
            System.err.println(out);
        }
        Matcher rps = RPS.matcher(out);
        if (!rps.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output:\n" + out);
        }
        Map<String, Double> latency = new HashMap<>();
        Matcher pct = PCT.matcher(out);
        while (pct.find()) {
            double v = Double.parseDouble(pct.group(2));
            latency.put(pct.group(1), switch (pct.group(3)) {
                case "us" -> v / 1000;
                case "s" -> v * 1000;
                default -> v;
            });
        }
        Matcher total = TOTAL.matcher(out);
        long requests = total.find() ? Long.parseLong(total.group(1)) : -1;
        Matcher non2xx = NON2XX.matcher(out);
        Matcher socket = SOCKET.matcher(out);
        long accepted = 0;
        long duplicates = 0;
        long other = 0;
        Matcher th = THREAD.matcher(out);
        while (th.find()) {
            accepted += Long.parseLong(th.group(2));
            duplicates += Long.parseLong(th.group(3));
            other += Long.parseLong(th.group(4));
        }
        // every event acknowledged as accepted must be in the inbox, once
        List<String> acked = Files.readAllLines(dir.resolve("acked.txt"));
        Set<String> inInbox = new HashSet<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT event_id FROM webhook_inbox WHERE event_id LIKE '" + tag + "-%'")) {
            while (rs.next()) {
                inInbox.add(rs.getString(1));
            }
        }
        long missing = acked.stream().filter(id -> !inInbox.contains(id)).count();
        long unknown = inInbox.stream().filter(id -> !generated.contains(id)).count();
        if (acked.size() != accepted || unknown > 0) {
            throw new IllegalStateException("bookkeeping mismatch: " + acked.size() + " acknowledged ids, " + accepted
                    + " accepted answers, " + unknown + " unknown ids in the inbox");
        }
        long rows = count(ds, "SELECT COUNT(*) FROM webhook_inbox") - rowsBefore;
        deleteTree(dir);
        return new Run(Double.parseDouble(rps.group(1)), requests, latency, non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                socket.find() ? socket.group(1).strip() : "none", accepted, duplicates, other, rows, missing);
    }

    private static void print(List<Run> runs, int duration, int threads, int connections, String store) {
        System.out.printf("%nWebhook intake benchmark: wrk -t%d -c%d -d%ds --latency on loopback, %d run(s), %s store, "
                + "%d cores%n", threads, connections, duration, runs.size(), store, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-6s %10s %10s %9s %9s %9s %9s %10s %10s %8s %8s%n", "run", "requests", "req/s", "p50 ms",
                "p75 ms", "p90 ms", "p99 ms", "accepted", "in inbox", "missing", "non-2xx");
        int i = 1;
        for (Run r : runs) {
            System.out.printf("%-6s %10d %10.0f %9.2f %9.2f %9.2f %9.2f %10d %10d %8d %8d%n", i++, r.requests(), r.rps(),
                    r.latencyMs().get("50"), r.latencyMs().get("75"), r.latencyMs().get("90"), r.latencyMs().get("99"),
                    r.accepted(), r.inboxRows(), r.ackedMissing(), r.non2xx());
        }
        double p99 = median(runs.stream().map(r -> r.latencyMs().get("99")).toList());
        System.out.printf("%-6s %10s %10.0f %9.2f %9.2f %9.2f %9.2f%n", "median", "",
                median(runs.stream().map(Run::rps).toList()), median(runs.stream().map(r -> r.latencyMs().get("50")).toList()),
                median(runs.stream().map(r -> r.latencyMs().get("75")).toList()),
                median(runs.stream().map(r -> r.latencyMs().get("90")).toList()), p99);
        long missing = runs.stream().mapToLong(Run::ackedMissing).sum();
        long duplicates = runs.stream().mapToLong(Run::duplicates).sum();
        System.out.printf("targets: every acknowledged event in the inbox (missing: %d), answer within 500 ms (p99 is "
                + "%.3f of it), aim p99 < 50 ms (%.2f of it); duplicate answers (wrk wrapped its list): %d; socket errors: "
                + "%s%n", missing, p99 / 500, p99 / 50, duplicates, runs.get(runs.size() - 1).socketErrors());
        if (missing > 0) {
            System.out.println("FAILED: acknowledged events are missing from the inbox");
            System.exit(1);
        }
    }

    static String event(String id) {
        return "{\"id\":\"" + id + "\",\"timestamp\":\"" + Instant.now() + "\","
                + "\"workspace_id\":\"5a4d7c3e-1b2f-4e8a-9c6d-0f1e2d3c4b5a\",\"workspace_name\":\"Notion Bridge Demo\","
                + "\"subscription_id\":\"1f0c6a57-0d43-4c8e-9a51-7c1e0b6d4aff\",\"integration_id\":\"1a7e6a70-5a4d-4b0c-8e11-0000000001a7\","
                + "\"type\":\"page.properties_updated\",\"authors\":[{\"id\":\"9e0c1a2b-3d4e-4f50-8a61-000000000001\","
                + "\"type\":\"person\"}],\"attempt_number\":1,\"api_version\":\"2025-09-03\","
                + "\"entity\":{\"id\":\"" + PAGE + "\",\"type\":\"page\"},\"data\":{\"parent\":{\"id\":"
                + "\"2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a70\",\"type\":\"database\",\"data_source_id\":"
                + "\"2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a71\"},\"updated_properties\":[\"title\"]}}";
    }

    /** wrk script: each thread cycles through its own file of pre-signed events and keeps the ids acknowledged. */
    private static final String LUA = """
            local threads = {}
            local counter = 0
            function setup(thread)
              thread:set("id", counter)
              counter = counter + 1
              table.insert(threads, thread)
            end
            function init(args)
              reqs = {}
              local f = assert(io.open("@DIR@/bodies-" .. id .. ".txt", "r"))
              for line in f:lines() do
                local sig, body = line:match("^(%S+)\\t(.*)$")
                reqs[#reqs + 1] = wrk.format("POST", nil,
                  {["Content-Type"] = "application/json", ["X-Notion-Signature"] = sig}, body)
              end
              f:close()
              n = 0; wrapped = 0; accepted = 0; duplicate = 0; other = 0; acked = {}
            end
            function request()
              n = n + 1
              if n > #reqs then n = 1; wrapped = wrapped + 1 end
              return reqs[n]
            end
            function response(status, headers, body)
              if status == 200 then
                local s, eid = body:match('"status":"(%a+)","event_id":"([^"]+)"')
                if s == "accepted" then
                  accepted = accepted + 1
                  acked[#acked + 1] = eid
                elseif s == "duplicate" then duplicate = duplicate + 1
                else other = other + 1 end
              else
                other = other + 1
              end
            end
            function done(summary, latency, requests)
              local out = assert(io.open("@DIR@/acked.txt", "w"))
              for _, t in ipairs(threads) do
                for _, eid in ipairs(t:get("acked")) do out:write(eid, "\\n") end
                io.write(string.format("THREAD %d accepted=%d duplicate=%d other=%d wrapped=%d\\n", t:get("id"),
                  t:get("accepted"), t:get("duplicate"), t:get("other"), t:get("wrapped")))
              end
              out:close()
            end
            """;

    /** The wrk executable; installs it with apt-get when missing and possible, else stops with what to run. */
    static String ensureWrk() throws Exception {
        String found = onPath("wrk");
        if (found != null) {
            return found;
        }
        String aptGet = onPath("apt-get");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (aptGet == null || !root) {
            throw new IllegalStateException("wrk (HTTP load generator) is not installed; install it with "
                    + "`sudo apt-get install -y wrk` and run bench/run webhook again");
        }
        System.err.println("wrk is not installed; installing it with apt-get install -y wrk");
        if (apt(aptGet, "install", "-y", "wrk") != 0 && (apt(aptGet, "update") != 0 || apt(aptGet, "install", "-y", "wrk") != 0)) {
            throw new IllegalStateException("apt-get could not install wrk; install it by hand (apt-get install -y wrk)");
        }
        found = onPath("wrk");
        if (found == null) {
            throw new IllegalStateException("wrk is still not on the PATH after apt-get install -y wrk");
        }
        return found;
    }

    private static int apt(String aptGet, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(aptGet, "-q"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        return pb.start().waitFor();
    }

    private static String onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Map<String, String> args(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: bench/run webhook [--duration S] [--runs N] [--threads T] "
                        + "[--connections C] [--db-url JDBC_URL]");
            }
            m.put(args[i].substring(2).toLowerCase(Locale.ROOT), args[++i]);
        }
        return m;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
