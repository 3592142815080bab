package io.notionbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.SandboxOptions;
import io.notionbridge.testing.BridgeProcess;
import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged bridges on one store and one lock directory, as users scale out: one leads, the other is a stand-by
 * that serves the HTTP intake and sends nothing to Notion. kill -9 of the leader in the middle of a push batch: the
 * stand-by takes over within the bound and finishes the batch from the stored state, with exactly one CRM page per
 * company. Prints the measured takeover times (docs/reliability.md quotes them).
 */
@Tag("db")
class ClusterFailoverIT {

    private static final String CRM_DATA_SOURCE = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a11";
    private static final int COMPANIES = 30;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Map<String, String> env(TestDatabase db, NotionSandbox sandbox, String node) {
        Map<String, String> env = new HashMap<>();
        env.put("BRIDGE_DB_URL", db.networkUrl());
        env.put("BRIDGE_DB_USER", db.user());
        env.put("NOTION_TOKEN", sandbox.token());
        env.put("NOTION_BASE_URL", sandbox.baseUrl());
        env.put("NOTION_RATE_LIMIT", "4");
        env.put("BRIDGE_CLUSTER_SERVICE", "file");
        env.put("BRIDGE_CLUSTER_ROOT", dir.resolve("cluster").toString());
        env.put("BRIDGE_NODE_ID", node);
        env.put("BRIDGE_DISCOVERY_PUSH_DELAY_MS", "0");
        env.put("BRIDGE_DISCOVERY_PUSH_PERIOD_MS", "1000");
        env.put("BRIDGE_DISCOVERY_DEMO_FEED", "false");
        env.put("BRIDGE_JMX_ENABLED", "false");
        env.put("BRIDGE_HOUSEKEEPING_DELAY_MS", "3000");
        return env;
    }

    private JsonNode info(BridgeProcess b) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.httpPort() + "/api/info"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return NotionJson.MAPPER.readTree(r.body());
    }

    private String role(BridgeProcess b) {
        try {
            return info(b).at("/cluster/role").asText();
        } catch (Exception e) {
            return "unreachable";
        }
    }

    /** Requests this bridge's gateway sent to Notion, from its Prometheus metrics. */
    private double notionRequests(BridgeProcess b) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.managementPort()
                + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return r.body().lines().filter(l -> l.startsWith("notion_gateway_requests_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private int postSignals(BridgeProcess b, int from, int to) throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            body.append(i == from ? "" : ",").append("{\"signal_type\":\"funding_post\",\"source_api\":\"news\",")
                    .append("\"company_name\":\"Failover Co ").append(i).append("\",\"confidence\":0.9,")
                    .append("\"website\":\"https://failover-").append(i).append(".io\"}");
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.httpPort() + "/api/signals"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body + "]")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** CRM pages per canonical key of the failover companies, read over the sandbox's Notion API. */
    private Map<String, Integer> crmPagesPerKey(NotionSandbox sandbox) {
        String query = "{\"page_size\":100,\"filter\":{\"property\":\"Canonical Key\",\"rich_text\":"
                + "{\"starts_with\":\"domain:failover-\"}}}";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/data_sources/"
                            + CRM_DATA_SOURCE + "/query")).header("Authorization", "Bearer " + sandbox.token())
                    .header("Notion-Version", "2026-03-11").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = NotionJson.MAPPER.readTree(r.body());
            assertThat(body.path("has_more").asBoolean()).isFalse();
            Map<String, Integer> perKey = new TreeMap<>();
            for (JsonNode page : body.get("results")) {
                perKey.merge(page.at("/properties/Canonical Key/rich_text/0/plain_text").asText(), 1, Integer::sum);
            }
            return perKey;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Page creations the sandbox received after {@code since} (the test's own reads are queries, not counted). */
    private static long pagesCreatedAfter(NotionSandbox sandbox, Instant since) {
        return sandbox.requestLog().entries(e -> "POST".equals(e.method()) && "/v1/pages".equals(e.path())
                && e.at().isAfter(since)).size();
    }

    private static long await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long pendingSignals(TestDatabase db) {
        return count(db, "SELECT COUNT(*) FROM signals");
    }

    private static long count(TestDatabase db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Test
    void theStandByTakesOverAfterKillDashNineAndFinishesThePushWithoutDuplicates() throws Exception {
        try (NotionSandbox sandbox = NotionSandbox.start(SandboxOptions.builder().port(0).noRateLimit().build());
             TestDatabase db = TestDatabase.create()) {
            BridgeProcess a = BridgeProcess.start(env(db, sandbox, "bridge-a"));
            BridgeProcess b = null;
            try {
                a.awaitHealthy(Duration.ofSeconds(90));
                await(() -> "leader".equals(role(a)), Duration.ofSeconds(20));
                assertThat(role(a)).isEqualTo("leader");
                b = BridgeProcess.start(env(db, sandbox, "bridge-b"));
                b.awaitHealthy(Duration.ofSeconds(90));
                BridgeProcess standBy = b;
                assertThat(role(standBy)).as("the second instance waits").isEqualTo("stand-by");

                // HTTP intake on both instances
                assertThat(postSignals(a, 0, COMPANIES / 2)).isEqualTo(201);
                assertThat(postSignals(standBy, COMPANIES / 2, COMPANIES)).isEqualTo(201);
                assertThat(pendingSignals(db)).isEqualTo(COMPANIES);

                // kill -9 of the leader in the middle of the push batch
                await(() -> crmPagesPerKey(sandbox).size() >= 5, Duration.ofSeconds(60));
                int before = crmPagesPerKey(sandbox).size();
                assertThat(before).as("the leader is pushing").isBetween(5, COMPANIES - 5);
                assertThat(notionRequests(standBy)).as("the stand-by sent nothing to Notion").isZero();
                long pushRunsAtKill = count(db, "SELECT COUNT(*) FROM job_runs WHERE job = 'discovery-push' AND finished_at IS NULL");
                a.process().destroyForcibly();
                assertThat(a.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
                Instant killed = Instant.now();

                await(() -> "leader".equals(role(standBy)), Duration.ofSeconds(30));
                long toLeader = Duration.between(killed, Instant.now()).toMillis();
                assertThat(role(standBy)).isEqualTo("leader");
                assertThat(toLeader).as("takeover within the documented bound (lock interval x (heartbeat timeout + 2))")
                        .isLessThanOrEqualTo(7_000 + 1_000);
                await(() -> pagesCreatedAfter(sandbox, killed) > 0, Duration.ofSeconds(30));
                long toFirstPage = Duration.between(killed, Instant.now()).toMillis();
                assertThat(pagesCreatedAfter(sandbox, killed)).as("the new leader pushes").isPositive();
                await(() -> crmPagesPerKey(sandbox).size() == COMPANIES, Duration.ofSeconds(90));
                long toDone = Duration.between(killed, Instant.now()).toMillis();

                Map<String, Integer> pages = crmPagesPerKey(sandbox);
                assertThat(pages).as("every company pushed").hasSize(COMPANIES);
                assertThat(pages.values()).as("exactly one CRM page per company").containsOnly(1);
                assertThat(notionRequests(standBy)).isPositive();
                // the push run the old leader was in the middle of is ended by the new leader's housekeeping
                await(() -> count(db, "SELECT COUNT(*) FROM job_runs WHERE finished_at IS NULL") == 0, Duration.ofSeconds(30));
                assertThat(pushRunsAtKill).as("a push run was going at the kill").isEqualTo(1);
                assertThat(count(db, "SELECT COUNT(*) FROM job_runs WHERE job = 'discovery-push' AND outcome = 'failed' "
                        + "AND error LIKE 'interrupted:%'")).as("the killed leader's push run, recorded as interrupted")
                        .isEqualTo(pushRunsAtKill);
                System.out.printf("FAILOVER pushed-before-kill=%d takeover-role-ms=%d first-page-created-ms=%d "
                        + "batch-done-ms=%d (all from the kill)%n", before, toLeader, toFirstPage, toDone);

                // the old leader comes back as a stand-by
                BridgeProcess again = BridgeProcess.start(env(db, sandbox, "bridge-a"));
                try {
                    again.awaitHealthy(Duration.ofSeconds(90));
                    assertThat(role(again)).isEqualTo("stand-by");
                    assertThat(role(standBy)).isEqualTo("leader");
                } finally {
                    again.terminate(Duration.ofSeconds(45));
                }
            } finally {
                a.close();
                if (b != null) {
                    b.terminate(Duration.ofSeconds(45));
                }
            }
        }
    }
}
