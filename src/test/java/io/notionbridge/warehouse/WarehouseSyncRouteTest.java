package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.store.JobRuns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The warehouse sync through its route against the sandbox's demo databases. */
@Tag("db")
class WarehouseSyncRouteTest extends WarehouseRouteTestSupport {

    @Test
    void copiesEveryConfiguredDatabaseAsRawPageJson() throws Exception {
        WarehouseSyncReport report = sync(null, false);

        assertThat(report.ok()).isTrue();
        assertThat(report.databases()).extracting(SyncStats::database)
                .containsExactly("programs", "projects", "budget-lines", "risks", "actions");
        assertThat(report.database("actions").inserted()).isEqualTo(154);
        assertThat(count("database_name = ?", "projects")).isEqualTo(20);
        assertThat(count("database_name = ?", "budget-lines")).isEqualTo(60);

        ObjectNode fromNotion = (ObjectNode) notion().retrievePage(DemoData.PROJECT_WITH_MANY_ACTIONS_ID);
        fromNotion.remove("request_id"); // a retrieve answer carries it, a page inside a query answer does not
        Map<String, Object> row = row(DemoData.PROJECT_WITH_MANY_ACTIONS_ID);
        JsonNode raw = (JsonNode) row.get("raw_json");
        assertThat(raw).as("the page JSON as Notion returned it").isEqualTo(fromNotion);
        assertThat(row.get("database_id")).isEqualTo(DemoData.PROJECTS_DATABASE_ID);
        assertThat(row.get("data_source_id")).isEqualTo(DemoData.PROJECTS_DATA_SOURCE_ID);
        assertThat(row.get("in_trash")).isEqualTo(false);
        assertThat(row.get("deleted_from_source")).isEqualTo(false);
        assertThat((String) row.get("content_hash")).hasSize(64);

        JobRuns.Run run = new JobRuns(db.dataSource()).last(WarehouseSettings.JOB, "actions").orElseThrow();
        assertThat(run.outcome()).isEqualTo(JobRuns.Outcome.OK);
        assertThat(run.stats().get("inserted").asInt()).isEqualTo(154);
        WarehouseWatermarks.Row wm = new WarehouseWatermarks(db.dataSource()).read("actions").orElseThrow();
        assertThat(wm.resume()).isNull();
        assertThat(SyncStats.fromJson(wm.lastRunStats()).inserted()).isEqualTo(154);
    }

    @Test
    void aRepeatedRunChangesNothing() {
        sync(null, false);
        WarehouseSyncReport again = sync(null, false);

        for (SyncStats s : again.databases()) {
            assertThat(s.inserted()).as(s.database()).isZero();
            assertThat(s.updated()).as(s.database()).isZero();
        }
    }

    @Test
    void aWatermarkWithoutRowsBehindItStartsOver() throws Exception {
        sync("programs", false);
        try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM " + table());
        }

        SyncStats s = sync("programs", false).database("programs");

        assertThat(s.inserted()).as("every page again, not only those past the watermark").isEqualTo(5);
    }

    @Test
    void twoEditsInOneSandboxMinuteBothArrive() throws Exception {
        Instant day = sandbox().clock().instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        sandbox().clock().freezeAt(day.plus(Duration.ofHours(10)).plus(Duration.ofMinutes(15)).plusSeconds(20));
        String page = DemoData.PROJECT_WITH_MANY_ACTIONS_ID;

        notion().updatePage(page, setHealth("Amber"));
        SyncStats first = sync("projects", false).database("projects");
        assertThat(first.inserted()).isEqualTo(20);
        assertThat(storedHealth(page)).isEqualTo("Amber");
        String firstHash = (String) row(page).get("content_hash");

        sandbox().clock().set(day.plus(Duration.ofHours(10)).plus(Duration.ofMinutes(15)).plusSeconds(40));
        notion().updatePage(page, setHealth("Red"));
        assertThat(notion().retrievePage(page).path("last_edited_time").asText())
                .as("same minute, same last_edited_time").startsWith(day.toString().substring(0, 11) + "10:15:00");
        SyncStats second = sync("projects", false).database("projects");
        assertThat(second.updated()).as("the second edit of the minute arrives").isEqualTo(1);
        assertThat(storedHealth(page)).isEqualTo("Red");
        assertThat(row(page).get("content_hash")).isNotEqualTo(firstHash);

        sandbox().clock().advance(Duration.ofSeconds(80));
        SyncStats third = sync("projects", false).database("projects");
        assertThat(third.inserted() + third.updated()).as("nothing changes").isZero();
        SyncStats fourth = sync("projects", false).database("projects");
        assertThat(fourth.inserted() + fourth.updated()).isZero();
        assertThat(fourth.pagesFetched()).as("the watermark moved past the edits").isZero();
    }

    private static ObjectNode setHealth(String option) {
        ObjectNode body = NotionJson.object();
        body.putObject("properties").putObject("Health").putObject("select").put("name", option);
        return body;
    }

    private String storedHealth(String pageId) throws Exception {
        JsonNode raw = (JsonNode) row(pageId).get("raw_json");
        return raw.path("properties").path("Health").path("select").path("name").asText();
    }

    @Test
    void relationsPastTwentyFiveReferencesAreCompleted() throws Exception {
        SyncStats s = sync("projects", false).database("projects");

        JsonNode raw = (JsonNode) row(DemoData.PROJECT_WITH_MANY_ACTIONS_ID).get("raw_json");
        assertThat(raw.path("properties").path("Actions").path("relation").size()).as("raw JSON is unchanged").isEqualTo(25);
        assertThat(raw.path("properties").path("Actions").path("has_more").asBoolean()).isTrue();
        JsonNode completed = (JsonNode) row(DemoData.PROJECT_WITH_MANY_ACTIONS_ID).get("completed_properties");
        assertThat(completed.path("Actions").path("relation").size()).isEqualTo(40);
        assertThat(completed.path("Actions").path("has_more").asBoolean()).isFalse();
        assertThat(s.referencesCompleted()).isGreaterThanOrEqualTo(1);
        assertThat(s.notionRequests()).as("query + property items + data source lookup").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aSlowQueryIsAskedAgainWithSmallerPages() throws Exception {
        // enough 504s to exhaust the gateway's own retries of the first query (2 attempts at most here)
        sandbox().faults().failNext("POST", "/v1/data_sources/{id}/query", 504, 2);

        SyncStats s = sync("actions", false).database("actions");

        assertThat(s.outcome()).isEqualTo(SyncStats.Outcome.ok);
        assertThat(sandbox().requestLog().count("POST /v1/data_sources/{id}/query", 504)).isEqualTo(2);
        assertThat(s.pageSizeReductions()).as("asked again with 50 (and 25 if the gateway tried once)").isBetween(1L, 2L);
        assertThat(s.inserted()).isEqualTo(154);
        assertThat(count("database_name = ?", "actions")).isEqualTo(154);
    }

    @Override
    protected void warehouseProperties(java.util.Properties p) {
        p.setProperty("bridge.notion.max-attempts", "2");
        p.setProperty("bridge.notion.backoff.base-ms", "1");
        p.setProperty("bridge.notion.backoff.max-ms", "5");
    }

    static NotionRequest get(String path) {
        return NotionRequest.get(path);
    }
}
