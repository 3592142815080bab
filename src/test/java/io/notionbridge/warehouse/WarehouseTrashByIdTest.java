package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.sandbox.demo.DemoData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Without trash queries, a full refresh finds a trashed page by reading it by id, and does not mark it deleted. */
@Tag("db")
class WarehouseTrashByIdTest extends WarehouseRouteTestSupport {

    @Override
    protected void warehouseProperties(Properties p) {
        p.setProperty("bridge.warehouse.include-trash", "false");
    }

    @Test
    void aTrashedPageIsReadByIdAndKeptWithInTrash() throws Exception {
        sync("risks", true);
        String trashed = notion().call(NotionRequest.query(DemoData.RISKS_DATA_SOURCE_ID, NotionJson.object()
                .put("page_size", 1))).path("results").get(0).path("id").asText();
        notion().updatePage(trashed, NotionJson.object().put("in_trash", true));

        SyncStats s = sync("risks", true).database("risks");

        assertThat(s.markedDeleted()).isZero();
        assertThat(s.updated()).isEqualTo(1);
        assertThat(row(trashed).get("in_trash")).isEqualTo(true);
        assertThat(row(trashed).get("deleted_from_source")).isEqualTo(false);
        assertThat(sandbox().requestLog().count("GET /v1/pages/{id}", 200)).as("read by id").isEqualTo(1);
    }
}
