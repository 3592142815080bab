package io.notionbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.testing.BridgeRouteTestSupport;
import io.notionbridge.testing.ElectionMember;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bridge that starts while another instance holds the file lock is a stand-by: it serves the HTTP intake, but its
 * job timers do not run, its gateway sends nothing to Notion and a job run by hand is refused with 409; when the
 * leader stops, it takes over within the bound and its timers start.
 */
@Tag("db")
class StandByRouteTest extends BridgeRouteTestSupport {

    private static final String ADMIN = "s3cret-admin";
    private final ObjectMapper json = new ObjectMapper();
    private Path locks;
    private ElectionMember otherLeader;

    @Override
    protected void extraProperties(Properties p) {
        fastSandbox(p);
        try {
            locks = Files.createTempDirectory("bridge-cluster-");
            otherLeader = ElectionMember.leader(locks, "bridge-a");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        p.setProperty("bridge.scheduler.enabled", "true");
        p.setProperty("bridge.suppression.delay-ms", "0");
        p.setProperty("bridge.suppression.period-ms", "300");
        p.setProperty("bridge.admin.token", ADMIN);
        p.setProperty("bridge.cluster.service", "file");
        p.setProperty("bridge.cluster.root", locks.toString());
        p.setProperty("bridge.cluster.node-id", "bridge-b");
        p.setProperty("bridge.cluster.lock-interval-ms", "200");
        p.setProperty("bridge.cluster.heartbeat-timeout", "3");
        p.setProperty("bridge.cluster.leader-wait-ms", "600");
    }

    @Override
    protected void cleanupResources() throws Exception {
        if (otherLeader != null) {
            otherLeader.close();
        }
        super.cleanupResources();
    }

    /** Job runs started, or with {@code finished} the runs that have ended. */
    private long jobRuns(boolean finished) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM job_runs" + (finished ? " WHERE finished_at IS NOT NULL" : ""))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private HttpResponse<String> runJobByHand() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/admin/jobs/suppression-sync/run"))
                .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStandByServesIntakeButLeavesNotionToTheLeaderUntilItTakesOver() throws Exception {
        ClusterLeadership leadership = context.getRegistry().lookupByNameAndType("clusterLeadership", ClusterLeadership.class);
        NotionSandbox sandbox = context.getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
        assertThat(leadership.isLeader()).isFalse();

        JsonNode info = json.readTree(get(httpPort, "/api/info").body());
        assertThat(info.at("/cluster/role").asText()).isEqualTo("stand-by");
        assertThat(info.at("/cluster/node").asText()).isEqualTo("bridge-b");
        HttpResponse<String> ready = get(managementPort, "/observe/health/ready");
        assertThat(ready.statusCode()).as("a stand-by stays in the load balancer: " + ready.body()).isEqualTo(200);

        HttpResponse<String> signal = post(httpPort, "/api/signals", "{\"signal_type\":\"hiring_spike\",\"source_api\":\"linkedin\","
                + "\"company_name\":\"Acme AI\",\"confidence\":0.8,\"website\":\"acme.ai\"}", "Content-Type", "application/json");
        assertThat(signal.statusCode()).as("intake on a stand-by: " + signal.body()).isEqualTo(201);

        HttpResponse<String> byHand = runJobByHand();
        assertThat(byHand.statusCode()).as(byHand.body()).isEqualTo(409);
        assertThat(json.readTree(byHand.body()).get("error").asText()).isEqualTo("not_leader");
        assertThatThrownBy(() -> template.requestBody("direct:notion", NotionRequest.get("/v1/users/me")))
                .isInstanceOf(CamelExecutionException.class).hasCauseInstanceOf(NotLeaderException.class);
        assertThat(jobRuns(false)).as("no job timer ran on the stand-by (period 300 ms, waited > 1.2 s)").isZero();
        assertThat(sandbox.requestLog().total()).as("the stand-by sent nothing to Notion").isZero();

        long stopped = System.nanoTime();
        otherLeader.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!leadership.isLeader() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long tookMs = (System.nanoTime() - stopped) / 1_000_000;
        assertThat(leadership.isLeader()).as("took over").isTrue();
        assertThat(tookMs).isLessThanOrEqualTo(leadership.settings().takeoverBound().toMillis());

        while (jobRuns(true) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(jobRuns(true)).as("the new leader's timers run").isPositive();
        assertThat(sandbox.requestLog().total()).isPositive();
        assertThat(runJobByHand().statusCode()).isEqualTo(200);
        assertThat(json.readTree(get(httpPort, "/api/info").body()).at("/cluster/role").asText()).isEqualTo("leader");
    }
}
