package io.notionbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.runtime.HttpProblem;
import org.junit.jupiter.api.Test;

/** The options of a run by hand (admin API): only the job's own, each of its JSON type and range. */
class JobOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static final JobDefinition PUSH = new JobDefinition("discovery-push", "", "direct:discovery-push", List.of(),
            null, null, Duration.ZERO, Map.of(), true, List.of(JobOption.integer("limit", 1, 10_000),
                    JobOption.text("key")));
    private static final JobDefinition WAREHOUSE = new JobDefinition("warehouse-sync", "", "direct:warehouse-sync",
            List.of(), null, null, Duration.ZERO, Map.of(), false, List.of(JobOption.names("database",
                    List.of("projects", "risks")), JobOption.flag("fullRefresh")));

    @Test
    void validOptionsBecomeTypedHeaders() throws Exception {
        assertThat(AdminApi.options(PUSH, body("{\"limit\":5,\"key\":\" domain:acme.ai \"}")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("limit", 5, "key", "domain:acme.ai"));
        assertThat(AdminApi.options(WAREHOUSE, body("{\"database\":\"projects,risks\",\"fullRefresh\":true}")))
                .containsEntry("fullRefresh", true).containsEntry("database", "projects,risks");
        assertThat(AdminApi.options(PUSH, body("{\"limit\":null}"))).as("null: the default").isEmpty();
    }

    @Test
    void anOptionTheJobDoesNotHaveIs400() {
        assertThatThrownBy(() -> AdminApi.options(PUSH, body("{\"limt\":5,\"CamelHttpUri\":\"x\"}")))
                .isInstanceOfSatisfying(HttpProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.code()).isEqualTo("unknown_field");
                    assertThat(p.getMessage()).isEqualTo("unknown fields 'limt', 'CamelHttpUri'; the fields here are: "
                            + "limit, key");
                });
    }

    @Test
    void everyBadValueIsNamed() {
        assertThatThrownBy(() -> AdminApi.options(PUSH, body("{\"limit\":\"5\",\"key\":7}")))
                .isInstanceOfSatisfying(HttpProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.code()).isEqualTo("invalid_option");
                    assertThat(p.getMessage()).isEqualTo("bad options for job discovery-push: limit must be a whole "
                            + "number from 1 to 10000, got a string; key must be a string, got a number");
                });
    }

    @Test
    void valuesAreCheckedByTypeAndRange() throws Exception {
        JobOption limit = JobOption.integer("limit", 1, 10_000);
        assertThat(limit.problem(JSON.readTree("0"))).isEqualTo("limit must be from 1 to 10000, got 0");
        assertThat(limit.problem(JSON.readTree("1.5"))).isEqualTo("limit must be a whole number from 1 to 10000, got a number 1.5");
        assertThat(limit.problem(JSON.readTree("99999999999999999999"))).startsWith("limit must be a whole number");
        assertThat(limit.problem(JSON.readTree("10000"))).isNull();
        JobOption full = JobOption.flag("full");
        assertThat(full.problem(JSON.readTree("\"true\""))).isEqualTo("full must be true or false, got a string");
        assertThat(full.problem(JSON.readTree("false"))).isNull();
        JobOption db = JobOption.names("database", List.of("projects", "risks"));
        assertThat(db.problem(JSON.readTree("\"projects, x'; DROP TABLE t--\""))).isEqualTo("database 'x'; DROP TABLE t--' "
                + "is not one of projects, risks");
        assertThat(db.problem(JSON.readTree("\"  \""))).isEqualTo("database must be 1 to 300 characters, got 0");
        assertThat(JobOption.text("key").problem(JSON.readTree("\"" + "k".repeat(301) + "\""))).endsWith("got 301");
    }

    @Test
    void theCatalogDeclaresTheOptionsTheJobRoutesRead() {
        JobCatalog catalog = JobCatalog.of(io.notionbridge.config.BridgeConfig.load());
        assertThat(catalog.find("suppression-sync").orElseThrow().options()).extracting(JobOption::name)
                .containsExactly("full", "ttlDays");
        assertThat(catalog.find("discovery-push").orElseThrow().options()).extracting(JobOption::name)
                .containsExactly("limit", "key");
        assertThat(catalog.find("warehouse-sync").orElseThrow().options()).extracting(JobOption::name)
                .containsExactly("database", "fullRefresh");
        assertThat(catalog.find("warehouse-sync").orElseThrow().options().get(0).values())
                .contains("projects", "budget-lines");
        assertThat(catalog.find("housekeeping").orElseThrow().options()).isEmpty();
    }
}
