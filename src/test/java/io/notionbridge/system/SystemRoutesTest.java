package io.notionbridge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.apache.camel.Route;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The runtime as Camel Main boots it: routes from disk with ids, store health, metrics, HTTP errors as JSON. */
@Tag("db")
class SystemRoutesTest extends BridgeRouteTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyRouteFromDiskHasAnExplicitId() {
        assertThat(context.getRoutes()).isNotEmpty();
        for (Route r : context.getRoutes()) {
            assertThat(r.getRouteId()).as("route from %s", r.getSourceLocation()).doesNotStartWith("route");
            assertThat(r.getSourceLocation()).startsWith("file:");
        }
        assertThat(context.getRoute("system-info")).isNotNull();
        assertThat(context.getRoute("system-housekeeping")).isNotNull();
    }

    @Test
    void infoAnswersWithTheSchemaVersion() throws Exception {
        HttpResponse<String> r = get(httpPort, "/api/info");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("name").asText()).isEqualTo("notion-bridge");
        assertThat(body.get("schemaVersion").asText()).isNotEqualTo("none");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
    }

    @Test
    void healthIncludesTheStoreAndMetricsAreServedOnTheManagementPort() throws Exception {
        HttpResponse<String> health = get(managementPort, "/observe/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode checks = json.readTree(health.body()).get("checks");
        assertThat(checks.findValuesAsText("name")).contains("store");
        HttpResponse<String> metrics = get(managementPort, "/observe/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("camel_exchanges_total");
        assertThat(get(httpPort, "/observe/health").statusCode()).as("health is not on the business port").isEqualTo(404);
    }

    @Test
    void housekeepingEndsRunsLeftUnfinishedBeforeThisInstanceLedAndDeletesOnlyRunsPastRetention() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO job_runs (job, started_at, finished_at, outcome) VALUES ('old', "
                    + "CURRENT_TIMESTAMP - INTERVAL '40' DAY, CURRENT_TIMESTAMP - INTERVAL '40' DAY, 'ok')");
            st.executeUpdate("INSERT INTO job_runs (job, started_at, finished_at, outcome) VALUES ('new', CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP, 'ok')");
            // left 'running' by a process killed an hour ago, before this runtime started (and so became the leader)
            st.executeUpdate("INSERT INTO job_runs (job, started_at, outcome) VALUES ('killed', "
                    + "CURRENT_TIMESTAMP - INTERVAL '1' HOUR, 'running')");
            // started by this runtime, still going
            st.executeUpdate("INSERT INTO job_runs (job, started_at, outcome) VALUES ('going', CURRENT_TIMESTAMP, 'running')");
        }
        Object result = template.requestBody("bean:housekeeping?method=run", (Object) null);
        assertThat(result).isEqualTo(new Housekeeping.Result(1, 1, Map.of("signal_requests", 0)));
        Map<String, String> outcomes = new java.util.HashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT job, outcome, finished_at, error FROM job_runs")) {
            while (rs.next()) {
                outcomes.put(rs.getString(1), rs.getString(2) + (rs.getObject(3) == null ? "" : " ended")
                        + (rs.getString(4) == null ? "" : ": " + rs.getString(4)));
            }
        }
        assertThat(outcomes).containsOnly(Map.entry("new", "ok ended"), Map.entry("going", "running"),
                Map.entry("killed", "failed ended: " + Housekeeping.INTERRUPTED));
    }
}
