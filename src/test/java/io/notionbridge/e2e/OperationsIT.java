package io.notionbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import io.notionbridge.testing.BridgeProcess;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as ops watch it: job MBeans over remote JMX, the admin API, and Prometheus metrics. */
class OperationsIT {

    @TempDir
    Path dir;

    @Test
    void jobMBeansAdminApiAndMetrics() throws Exception {
        int jmxPort = BridgeRouteTestSupport.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("BRIDGE_DB_URL", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        env.put("BRIDGE_SANDBOX_PORT", Integer.toString(BridgeRouteTestSupport.freePort()));
        env.put("BRIDGE_ADMIN_TOKEN", "ops-token");
        env.put("BRIDGE_SUPPRESSION_DELAY_MS", "3600000");
        try (BridgeProcess bridge = BridgeProcess.start(BridgeProcess.remoteJmx(jmxPort), env)) {
            bridge.awaitHealthy(Duration.ofSeconds(90));
            try (JMXConnector jmx = JMXConnectorFactory.connect(
                    new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"))) {
                MBeanServerConnection mbs = jmx.getMBeanServerConnection();
                Set<ObjectName> jobs = mbs.queryNames(new ObjectName("io.notionbridge:type=jobs,*"), null);
                assertThat(jobs).extracting(n -> n.getKeyProperty("name")).contains("\"suppression-sync\"", "\"housekeeping\"");
                ObjectName sync = new ObjectName("io.notionbridge:type=jobs,name=\"suppression-sync\"");
                assertThat(mbs.getAttribute(sync, "LastOutcome")).isEqualTo("never run");

                String dry = (String) mbs.invoke(sync, "runDryRun", null, null);
                assertThat(dry).contains("\"dryRun\":true");
                String run = (String) mbs.invoke(sync, "runNow", null, null);
                assertThat(run).contains("\"mode\":\"full\"");
                assertThat(mbs.getAttribute(sync, "Runs")).isEqualTo(1L);
                assertThat(mbs.getAttribute(sync, "LastOutcome")).isEqualTo("ok");
                assertThat((String) mbs.getAttribute(sync, "LastStatsJson")).contains("\"pagesFetched\"");

                mbs.invoke(sync, "pause", null, null);
                assertThat(mbs.getAttribute(sync, "Paused")).isEqualTo(true);
                mbs.invoke(sync, "resume", null, null);
                assertThat(mbs.getAttribute(sync, "Paused")).isEqualTo(false);
            }

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.httpPort()
                    + "/admin/jobs/suppression-sync")).header("Authorization", "Bearer ops-token").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(admin.body()).contains("\"runs\":1");

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + bridge.managementPort() + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("bridge_job_runs_total{job=\"suppression-sync\"} 1.0")
                    .contains("notion_gateway_requests_total{endpoint=\"POST /v1/data_sources/{id}/query\",status=\"200\"}")
                    .contains("notion_gateway_breaker_state").contains("bridge_webhook_inbox_depth")
                    .contains("bridge_signals_pending");
        }
    }
}
