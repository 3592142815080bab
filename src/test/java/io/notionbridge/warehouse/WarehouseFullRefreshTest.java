package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.sandbox.demo.DemoData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Full refresh: every page again; pages Notion no longer returns are marked, trashed pages keep their row. */
@Tag("db")
class WarehouseFullRefreshTest extends WarehouseRouteTestSupport {

    @Test
    void pagesGoneFromNotionAreMarkedDeletedAndTrashedPagesKeepTheirRow() throws Exception {
        List<String> extra = sandbox().seedPages(DemoData.ACTIONS_DATA_SOURCE_ID, 3, null);
        SyncStats first = sync("actions", true).database("actions");
        assertThat(first.inserted()).isEqualTo(157);
        assertThat(first.mode()).isEqualTo("full");
        assertThat(first.notionRequests()).as("data source lookup and 2 queries; no trash query when nothing is missing")
                .isEqualTo(3);

        sandbox().reset(true); // the workspace loses the three seeded pages (demo data reloaded with the same ids)
        String trashed = firstAction();
        notion().updatePage(trashed, NotionJson.object().put("in_trash", true));

        SyncStats second = sync("actions", true).database("actions");

        assertThat(second.outcome()).isEqualTo(SyncStats.Outcome.ok);
        assertThat(second.markedDeleted()).isEqualTo(3);
        assertThat(second.notionRequests()).as("2 queries, 1 of the trash, 3 reads by id").isEqualTo(6);
        for (String id : extra) {
            Map<String, Object> row = row(id);
            assertThat(row).as("the row stays").isNotNull();
            assertThat(row.get("deleted_from_source")).isEqualTo(true);
            assertThat(row.get("deleted_at")).isNotNull();
        }
        Map<String, Object> t = row(trashed);
        assertThat(t.get("in_trash")).isEqualTo(true);
        assertThat(t.get("deleted_from_source")).isEqualTo(false);
        assertThat(((JsonNode) t.get("raw_json")).path("in_trash").asBoolean()).isTrue();
        assertThat(count("database_name = ?", "actions")).isEqualTo(157);

        SyncStats third = sync("actions", true).database("actions");
        assertThat(third.markedDeleted()).as("already marked").isZero();
        assertThat(third.inserted() + third.updated()).as("a repeated full refresh changes nothing").isZero();
    }

    @Test
    void anIncrementalRunSeesPagesMovedToTheTrash() throws Exception {
        sync("actions", false);
        String trashed = firstAction();
        notion().updatePage(trashed, NotionJson.object().put("in_trash", true));

        SyncStats s = sync("actions", false).database("actions");

        assertThat(s.updated()).isEqualTo(1);
        assertThat(row(trashed).get("in_trash")).isEqualTo(true);
    }

    private String firstAction() throws Exception {
        return notion().call(io.notionbridge.notion.NotionRequest.query(DemoData.ACTIONS_DATA_SOURCE_ID,
                NotionJson.object().put("page_size", 1))).path("results").get(0).path("id").asText();
    }
}
