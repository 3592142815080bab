package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.cli.CliRunner;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The warehouse commands as a user runs them: sync, health, list-databases, init-tables (sandbox, store of its own). */
@Tag("db")
class WarehouseCliTest {

    private TestDatabase db;
    private final String schema = "wh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeEach
    void open() {
        db = TestDatabase.create();
    }

    @AfterEach
    void close() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        db.close();
    }

    private CliRunner cli() {
        return new CliRunner().with("bridge.db.url", db.url()).with("bridge.db.user", db.user())
                .with("bridge.sandbox.port", "0").with("bridge.sandbox.rate-limit", "off")
                .with("bridge.notion.rate-limit", "1000").with("bridge.warehouse.target.schema", schema);
    }

    @Test
    void syncThenListDatabases() throws Exception {
        CliRunner.Result sync = cli().run("sync", "-d", "programs", "--json");
        assertThat(sync.exitCode()).as(sync.err()).isZero();
        JsonNode report = NotionJson.MAPPER.readTree(sync.out());
        assertThat(report.path("ok").asBoolean()).isTrue();
        assertThat(report.path("databases")).hasSize(1);
        assertThat(report.path("databases").get(0).path("inserted").asInt()).isEqualTo(5);
        assertThat(report.path("databases").get(0).path("notion_requests").asInt()).isPositive();

        CliRunner.Result again = cli().run("sync", "--database", "programs");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("programs       incremental  ok       fetched ").contains("inserted 0, updated 0");

        CliRunner.Result list = cli().run("list-databases");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("target: " + schema + ".bronze_notion_raw_pages in (the bridge's store)")
                .containsPattern("(?m)^programs +2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a20 +WAREHOUSE_DB_PROGRAMS_ID +\\S+Z +incremental ok")
                .containsPattern("(?m)^budget-lines +2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a40 +WAREHOUSE_DB_BUDGET_LINES_ID +- +never");
        JsonNode listed = NotionJson.MAPPER.readTree(cli().run("list-databases", "--json").out());
        assertThat(listed.path("databases").get(0).path("last_run").path("inserted").asInt()).isZero();
        assertThat(listed.path("databases").get(1).path("watermark").isNull()).isTrue();
    }

    @Test
    void syncOfAnUnknownDatabaseIsOneLine() {
        CliRunner.Result r = cli().run("sync", "-d", "okrs");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("error: no warehouse database named \"okrs\"; configured: programs, projects");
    }

    @Test
    void initTablesIsIdempotent() throws Exception {
        CliRunner.Result first = cli().run("init-tables");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("created " + schema + ".bronze_notion_raw_pages in (the bridge's store) ("
                + (TestDatabase.onPostgres() ? "postgresql" : "h2") + ")");
        CliRunner.Result second = cli().run("init-tables", "--json");
        assertThat(NotionJson.MAPPER.readTree(second.out()).path("created").asBoolean()).isFalse();
    }

    @Test
    void healthIsOkWhenEverythingAnswers() {
        CliRunner.Result r = cli().run("health");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^database +UP: ")
                .containsPattern("(?m)^target +UP: " + schema + ".bronze_notion_raw_pages in \\(the bridge's store\\)")
                .containsPattern("(?m)^notion +UP: bot \".+\" at the Notion sandbox at http://127.0.0.1:")
                .containsPattern("(?m)^projects +UP: \"Projects\" 2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a30 \\(1 data source\\)")
                .endsWith("health: OK" + System.lineSeparator());
    }

    @Test
    void healthReportsAMissingOrPlaceholderIdAsBlocked() throws Exception {
        CliRunner.Result r = cli().with("bridge.warehouse.database.projects.id", "changeme")
                .with("bridge.warehouse.database.risks.id", "").run("health");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("BLOCKED: set WAREHOUSE_DB_PROJECTS_ID to the Notion database id of \"projects\"")
                .contains("BLOCKED: set WAREHOUSE_DB_RISKS_ID to the Notion database id of \"risks\"")
                .containsPattern("(?m)^programs +UP: ").contains("health: 2 problem(s)");
        JsonNode json = NotionJson.MAPPER.readTree(cli().with("bridge.warehouse.database.projects.id", "<projects id>")
                .run("health", "--json").out());
        assertThat(json.path("ok").asBoolean()).isFalse();
        assertThat(json.findValuesAsText("status")).contains("BLOCKED");
    }

    @Test
    void healthReportsADatabaseNotionDoesNotKnowAsDown() {
        CliRunner.Result r = cli().with("bridge.warehouse.databases", "programs,ghost")
                .with("bridge.warehouse.database.ghost.id", "5d1f0c2e8a4b4c3d9e2f1a2b3c4d5e6f").run("health");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^ghost +DOWN: Notion database 5d1f0c2e-8a4b-4c3d-9e2f-1a2b3c4d5e6f not found "
                + "or not shared with the integration");
    }

    @Test
    void healthWithTheStoreDownSaysSoAndSkipsNotion() {
        CliRunner.Result r = cli().with("bridge.db.url", "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2")
                .run("health");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^database +DOWN: cannot connect to the database")
                .containsPattern("(?m)^notion +SKIPPED: ");
    }
}
