package io.notionbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.runtime.HttpErrors;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.tasks.webhook.WebhookSignature;
import io.notionbridge.testing.BridgeRouteTestSupport;
import io.notionbridge.testing.WebhookEvents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The store-outage drill: the runtime's store goes away for 30 s while signed webhooks and signals keep arriving, then
 * comes back. How it goes away is the subclass's: a network cut in front of it ({@link StoreOutageDrillTest}) or the
 * database server stopped ({@link StoreStopDrillTest}). Clients behave as Notion does: a request not answered 2xx is
 * sent again, same bytes, until it is. Measured and printed: outage length, 503s, time to readiness DOWN, time from
 * the store's return to readiness UP and to the first 200, slowest answer, events lost.
 */
@Tag("db")
abstract class StoreOutageDrill extends BridgeRouteTestSupport {

    private static final String SECRET = "secret_outage_drill_abcdefghijklmnopqrstuvwxyz012345";
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** Connection timeout + the health check's bound + scheduling slack: no answer may take longer. */
    private static final long MAX_ANSWER_MS = 6_000;
    private static final long RECOVERY_BOUND_MS = 15_000;
    private static final int WEBHOOK_CLIENTS = 3;
    private static final int SIGNAL_CLIENTS = 2;

    /** Sets up the store the runtime will use (the test's {@link #db} or one of the drill's own); gives its JDBC URL. */
    protected abstract String openStore() throws Exception;

    /** Makes the store unreachable for the runtime. */
    protected abstract void takeStoreAway() throws Exception;

    /** Makes the store reachable again; does nothing when it is. */
    protected abstract void bringStoreBack() throws Exception;

    /** A connection for the drill's own reads of the store (after it is back). */
    protected abstract Connection readStore() throws SQLException;

    /** Releases what {@link #openStore()} set up. */
    protected abstract void closeStore() throws Exception;

    /** What the outage is, for the printed figures: "network cut, PostgreSQL". */
    protected abstract String outageName();

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void extraProperties(Properties p) {
        fastSandbox(p);
        try {
            p.setProperty("bridge.db.url", openStore());
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the drill's store: " + e.getMessage(), e);
        }
        p.setProperty("bridge.scheduler.enabled", "true");
        // under load: the inbox and the push job, on short timers
        p.setProperty("bridge.tasks.inbox.period-ms", "200");
        p.setProperty("bridge.tasks.inbox.delay-ms", "0");
        p.setProperty("bridge.tasks.inbox.backoff-ms", "200");
        p.setProperty("bridge.tasks.inbox.backoff-max-ms", "1000");
        p.setProperty("bridge.discovery.push.period-ms", "1000");
        p.setProperty("bridge.discovery.push.delay-ms", "0");
        // the other timers stay quiet during the drill
        for (String key : List.of("bridge.suppression.delay-ms", "bridge.housekeeping.delay-ms",
                "bridge.alerts.check-period-ms", "bridge.warehouse.sync.delay-ms", "bridge.warehouse.full-refresh.delay-ms",
                "bridge.tasks.push.delay-ms")) {
            p.setProperty(key, "3600000");
        }
        p.setProperty("bridge.discovery.demo-feed", "false");
        p.setProperty("bridge.notion.webhook-secret", SECRET);
        p.setProperty("bridge.tasks.sandbox-webhook", "false");
    }

    @Override
    protected void cleanupResources() throws Exception {
        super.cleanupResources();
        closeStore();
    }

    /** One answer a client got: when, what, how long it took. */
    record Answer(long atMs, int status, long tookMs, String retryAfter, String body) {
    }

    /** A client that sends its requests one after the other, each again (same bytes) until it is answered 2xx. */
    private final class Client implements Runnable {
        final String name;
        final String path;
        final List<Answer> answers = new CopyOnWriteArrayList<>();
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<String> problems = new CopyOnWriteArrayList<>();
        final AtomicBoolean stop = new AtomicBoolean();
        final long pauseMs;
        final RequestFactory factory;
        volatile String inFlight;

        Client(String name, String path, long pauseMs, RequestFactory factory) {
            this.name = name;
            this.path = path;
            this.pauseMs = pauseMs;
            this.factory = factory;
        }

        @Override
        public void run() {
            try {
                send();
            } finally {
                inFlight = null;
            }
        }

        private void send() {
            for (int n = 1; !stop.get(); n++) {
                String[] request = factory.make(n); // {id, body, header name, header value}
                inFlight = request[0];
                while (true) {
                    long start = System.nanoTime();
                    HttpResponse<String> r;
                    try {
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(request[1]));
                        if (request[2] != null) {
                            b.header(request[2], request[3]);
                        }
                        r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException | InterruptedException e) {
                        problems.add(name + " " + request[0] + ": " + e);
                        return;
                    }
                    long took = (System.nanoTime() - start) / 1_000_000;
                    answers.add(new Answer(sinceStart(), r.statusCode(), took, r.headers().firstValue("Retry-After")
                            .orElse(null), r.body()));
                    if (r.statusCode() / 100 == 2) {
                        delivered.add(request[0]);
                        break;
                    }
                    if (r.statusCode() != 503) {
                        problems.add(name + " " + request[0] + ": " + r.statusCode() + " " + r.body());
                        return;
                    }
                    pause(500); // Notion retries a failed delivery after a while, with the same event id
                }
                inFlight = null;
                pause(pauseMs);
            }
        }

        long count(int status) {
            return answers.stream().filter(a -> a.status() == status).count();
        }

        long firstOkAfter(long ms) {
            return answers.stream().filter(a -> a.atMs() >= ms && a.status() / 100 == 2).mapToLong(Answer::atMs)
                    .min().orElse(-1);
        }
    }

    interface RequestFactory {
        String[] make(int n);
    }

    /** Several clients of one kind sending at the same time, with their figures summed up. */
    private static final class Clients {
        final List<Client> all;

        Clients(List<Client> all) {
            this.all = all;
        }

        List<String> delivered() {
            return all.stream().flatMap(c -> c.delivered.stream()).toList();
        }

        List<String> problems() {
            return all.stream().flatMap(c -> c.problems.stream()).toList();
        }

        List<Answer> answers() {
            return all.stream().flatMap(c -> c.answers.stream()).toList();
        }

        long count(int status) {
            return all.stream().mapToLong(c -> c.count(status)).sum();
        }

        long firstOkAfter(long ms) {
            return all.stream().mapToLong(c -> c.firstOkAfter(ms)).filter(t -> t >= 0).min().orElse(-1);
        }

        void stop() {
            all.forEach(c -> c.stop.set(true));
        }

        boolean idle() {
            return all.stream().allMatch(c -> c.inFlight == null);
        }
    }

    private long started;

    private long sinceStart() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms); // pacing of the simulated clients, not a wait for an outcome
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            synchronized (StoreOutageDrill.class) {
                StoreOutageDrill.class.wait(50);
            }
        }
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private long count(String sql, String... args) {
        try (Connection c = readStore(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = readStore(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void webhooksAndSignalsAre503DuringAThirtySecondOutageAndEverythingRecoversByItself() throws Exception {
        NotionSandbox sandbox = context.getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
        List<String> pages = sandbox.store().pagesOf(DemoData.VIDEO_TASKS_DATA_SOURCE_ID).stream()
                .filter(pg -> !pg.inTrash).map(pg -> pg.id).toList();
        assertThat(pages).hasSizeGreaterThan(5);
        Instant base = Instant.now();
        List<Client> webhookClients = new ArrayList<>();
        for (int i = 0; i < WEBHOOK_CLIENTS; i++) {
            String prefix = "drill-evt-" + i + "-";
            long offset = i * 1_000_000L;
            webhookClients.add(new Client("webhook", "/webhook/notion", 100, n -> {
                String id = prefix + n;
                String body = WebhookEvents.pageEvent(id, "page.properties_updated", pages.get(n % pages.size()),
                        base.plusMillis(offset + n).toString());
                return new String[] {id, body, WebhookSignature.HEADER, WebhookEvents.signature(SECRET, body)};
            }));
        }
        List<Client> signalClients = new ArrayList<>();
        for (int i = 0; i < SIGNAL_CLIENTS; i++) {
            String prefix = "outagedrill" + i + "x";
            signalClients.add(new Client("signal", "/api/signals", 250, n -> {
                String domain = prefix + n + ".io";
                return new String[] {"domain:" + domain, "{\"signal_type\":\"funding_post\",\"source_api\":\"news\","
                        + "\"company_name\":\"Outage Drill " + domain + "\",\"confidence\":0.9,\"website\":\"https://"
                        + domain + "\",\"detected_at\":\"" + base + "\"}", null, null};
            }));
        }
        Clients webhooks = new Clients(webhookClients);
        Clients signals = new Clients(signalClients);
        Map<Long, Integer> readiness = new ConcurrentHashMap<>();
        AtomicBoolean stopProbe = new AtomicBoolean();
        AtomicLong slowestProbe = new AtomicLong();
        Thread probe = new Thread(() -> {
            while (!stopProbe.get()) {
                long s = System.nanoTime();
                int answer = status("/observe/health/ready");
                readiness.put(sinceStart(), answer); // keyed by the time of the answer
                slowestProbe.accumulateAndGet((System.nanoTime() - s) / 1_000_000, Math::max);
                pause(200);
            }
        }, "drill-readiness");

        started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        webhookClients.forEach(c -> threads.add(new Thread(c, "drill-webhooks")));
        signalClients.forEach(c -> threads.add(new Thread(c, "drill-signals")));
        threads.add(probe);
        threads.forEach(Thread::start);
        try {
            await("steady load before the outage", Duration.ofSeconds(30), () -> webhooks.delivered().size() >= 10
                    && signals.delivered().size() >= 3 && count("SELECT COUNT(*) FROM webhook_inbox WHERE state <> 'pending'") >= 5);

            // ---- the outage ----
            takeStoreAway();
            long cutAt = sinceStart();
            await("readiness DOWN", Duration.ofSeconds(10), () -> readiness.entrySet().stream()
                    .anyMatch(e -> e.getKey() > cutAt && e.getValue() == 503));
            long downAt = readiness.entrySet().stream().filter(e -> e.getKey() > cutAt && e.getValue() == 503)
                    .mapToLong(Map.Entry::getKey).min().orElseThrow();
            HttpResponse<String> ready = get(managementPort, "/observe/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
            assertThat(storeCheck(ready.body())).as(ready.body()).contains("DOWN").contains("store unreachable");
            HttpResponse<String> health = get(managementPort, "/observe/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
            assertThat(storeCheck(health.body())).as(health.body()).contains("DOWN");
            await("the outage's full length", OUTAGE.plusSeconds(5), () -> sinceStart() - cutAt >= OUTAGE.toMillis());
            assertThat(webhooks.count(503)).as("webhooks refused during the outage").isPositive();
            assertThat(signals.count(503)).as("signals refused during the outage").isPositive();

            // ---- the restore ----
            // figures count from the start of the restore: a restarted server takes new connections before the
            // command that starts it returns
            long restoredAt = sinceStart();
            bringStoreBack();
            long storeBackMs = sinceStart() - restoredAt;
            long outageMs = restoredAt - cutAt;
            await("readiness UP after the restore", Duration.ofMillis(RECOVERY_BOUND_MS), () -> readiness.entrySet()
                    .stream().anyMatch(e -> e.getKey() > restoredAt && e.getValue() == 200));
            long upAt = readiness.entrySet().stream().filter(e -> e.getKey() > restoredAt && e.getValue() == 200)
                    .mapToLong(Map.Entry::getKey).min().orElseThrow();
            await("a webhook and a signal accepted after the restore", Duration.ofMillis(RECOVERY_BOUND_MS),
                    () -> webhooks.firstOkAfter(restoredAt) >= 0 && signals.firstOkAfter(restoredAt) >= 0);
            int webhooksAtRestore = webhooks.delivered().size();
            await("more load after the restore", Duration.ofSeconds(20), () -> webhooks.delivered().size() >= webhooksAtRestore + 10);
            webhooks.stop();
            signals.stop();
            await("the clients' last requests", Duration.ofSeconds(30), () -> webhooks.idle() && signals.idle());
            stopProbe.set(true);
            for (Thread t : threads) {
                t.join(10_000);
            }
            assertThat(webhooks.problems()).as("webhook answers other than 2xx and 503").isEmpty();
            assertThat(signals.problems()).as("signal answers other than 2xx and 503").isEmpty();

            // ---- the inbox and the jobs catch up by themselves ----
            await("every stored event processed", Duration.ofSeconds(30),
                    () -> count("SELECT COUNT(*) FROM webhook_inbox WHERE state NOT IN ('done', 'ignored')") == 0);
            await("every signal pushed", Duration.ofSeconds(30), () -> count("SELECT COUNT(*) FROM signal_processing "
                    + "WHERE state = 'pending'") == 0);

            List<String> inbox = strings("SELECT event_id FROM webhook_inbox");
            assertThat(inbox).as("one inbox row per delivered event, none lost, none twice")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(webhooks.delivered());
            assertThat(new HashSet<>(webhooks.delivered())).hasSameSizeAs(webhooks.delivered());
            List<String> keys = strings("SELECT canonical_key FROM signals");
            assertThat(keys).as("one stored signal per delivered signal").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(signals.delivered());
            assertThat(count("SELECT COUNT(*) FROM signal_processing WHERE state = 'pushed'")).isEqualTo(keys.size());
            Instant restoredInstant = Instant.now().minusMillis(sinceStart() - restoredAt);
            assertThat(okRunsAfter("discovery-push", restoredInstant)).as("push runs ok after the restore").isPositive();
            assertThat(okRunsAfter("task-inbox", restoredInstant)).as("inbox runs ok after the restore").isPositive();
            assertThat(readiness.entrySet()).as("readiness stays DOWN while the store is away")
                    .filteredOn(e -> e.getKey() > downAt && e.getKey() < restoredAt).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(503));

            // ---- every answer during the outage ----
            List<Answer> outage = new ArrayList<>();
            for (Clients c : List.of(webhooks, signals)) {
                c.answers().stream().filter(a -> a.atMs() > cutAt + MAX_ANSWER_MS && a.atMs() < restoredAt)
                        .forEach(outage::add);
            }
            assertThat(outage).as("answers during the outage").isNotEmpty().allSatisfy(a -> {
                assertThat(a.status()).isEqualTo(503);
                assertThat(a.retryAfter()).isEqualTo(Integer.toString(HttpErrors.STORE_RETRY_AFTER_SECONDS));
                assertThat(json.readTree(a.body()).path("error").asText()).isEqualTo("store_unavailable");
            });
            long slowest = 0;
            for (Clients c : List.of(webhooks, signals)) {
                slowest = Math.max(slowest, c.answers().stream().mapToLong(Answer::tookMs).max().orElse(0));
            }
            assertThat(slowest).as("slowest answer (ms)").isLessThan(MAX_ANSWER_MS);
            assertThat(slowestProbe.get()).as("slowest readiness answer (ms)").isLessThan(MAX_ANSWER_MS);
            assertThat(upAt - restoredAt).as("restore to readiness UP (ms)").isLessThan(RECOVERY_BOUND_MS);

            System.out.printf(Locale.ROOT, "Store outage drill (%s, %d webhook and %d signal clients): outage %.1f s, restore took %d ms; readiness DOWN %d ms after the cut, UP %d ms "
                            + "after the restore; first 200 %d ms (webhook) and %d ms (signal) after the restore; webhooks "
                            + "%d delivered, %d answered 503; signals %d delivered, %d answered 503; slowest answer %d ms, "
                            + "slowest readiness answer %d ms; events lost 0%n",
                    outageName(), WEBHOOK_CLIENTS, SIGNAL_CLIENTS, outageMs / 1000.0, storeBackMs, downAt - cutAt, upAt - restoredAt,
                    webhooks.firstOkAfter(restoredAt) - restoredAt, signals.firstOkAfter(restoredAt) - restoredAt,
                    webhooks.delivered().size(), webhooks.count(503), signals.delivered().size(), signals.count(503), slowest,
                    slowestProbe.get());
        } finally {
            webhooks.stop();
            signals.stop();
            stopProbe.set(true);
            bringStoreBack();
        }
    }

    /** The store check's entry of a health answer. */
    private String storeCheck(String healthJson) throws IOException {
        for (JsonNode check : json.readTree(healthJson).path("checks")) {
            if ("store".equals(check.path("name").asText())) {
                return check.toString();
            }
        }
        return "no store check in " + healthJson;
    }

    /** Runs of {@code job} that started after {@code after} and ended ok. */
    private long okRunsAfter(String job, Instant after) throws SQLException {
        try (Connection c = readStore(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) "
                + "FROM job_runs WHERE job = ? AND outcome = 'ok' AND started_at > ?")) {
            ps.setString(1, job);
            ps.setObject(2, after.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
