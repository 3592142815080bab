package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.notionbridge.config.BridgeException;
import org.junit.jupiter.api.Test;

/** The dialect seam: choosing a dialect, and the statement text of each (Databricks has no driver here, so text only). */
class WarehouseDialectsTest {

    private static final String T = "bronze.bronze_notion_raw_pages";

    @Test
    void theDialectFollowsTheUrlUnlessChosen() {
        assertThat(WarehouseDialects.resolveName("auto", "jdbc:h2:mem:x")).isEqualTo("h2");
        assertThat(WarehouseDialects.resolveName("", "jdbc:postgresql://db:5432/wh")).isEqualTo("postgresql");
        assertThat(WarehouseDialects.resolveName("auto", "jdbc:databricks://adb-1.azuredatabricks.net:443/default"))
                .isEqualTo("databricks");
        assertThat(WarehouseDialects.resolveName("auto", "")).as("the store: decided from its metadata").isEqualTo("auto");
        assertThat(WarehouseDialects.resolveName("Databricks", "jdbc:spark://x")).isEqualTo("databricks");
        assertThat(WarehouseDialects.resolveName("postgres", "jdbc:postgresql://x/y")).isEqualTo("postgresql");
        assertThatThrownBy(() -> WarehouseDialects.resolveName("auto", "jdbc:mysql://x/y?password=secret"))
                .isInstanceOf(BridgeException.class).hasMessageContaining("set it to h2, postgresql or databricks")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> WarehouseDialects.resolveName("oracle", "")).isInstanceOf(BridgeException.class);
        assertThat(WarehouseDialects.forProduct("PostgreSQL").name()).isEqualTo("postgresql");
        assertThat(WarehouseDialects.forProduct("H2").name()).isEqualTo("h2");
    }

    @Test
    void postgresUpsertsWithOnConflict() {
        String sql = new PostgresDialect().upsert(T, 2);
        assertThat(sql).isEqualTo("INSERT INTO bronze.bronze_notion_raw_pages (page_id, database_id, database_name, "
                + "data_source_id, raw_json, completed_properties, created_time, last_edited_time, in_trash, synced_at, "
                + "content_hash, deleted_from_source, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, NULL), "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, NULL) ON CONFLICT (page_id, database_id) DO UPDATE SET "
                + "database_name = EXCLUDED.database_name, data_source_id = EXCLUDED.data_source_id, "
                + "raw_json = EXCLUDED.raw_json, completed_properties = EXCLUDED.completed_properties, "
                + "created_time = EXCLUDED.created_time, last_edited_time = EXCLUDED.last_edited_time, "
                + "in_trash = EXCLUDED.in_trash, synced_at = EXCLUDED.synced_at, content_hash = EXCLUDED.content_hash, "
                + "deleted_from_source = FALSE, deleted_at = NULL");
        assertThat(new PostgresDialect().createStatements("bronze", T)).containsExactly(
                "CREATE SCHEMA IF NOT EXISTS bronze",
                SqlDialects.createTable(T),
                "CREATE INDEX IF NOT EXISTS idx_bronze_notion_raw_pages_edited ON " + T + " (database_id, last_edited_time)");
    }

    @Test
    void h2MergesByKey() {
        assertThat(new H2Dialect().upsert(T, 1)).isEqualTo("MERGE INTO bronze.bronze_notion_raw_pages (page_id, "
                + "database_id, database_name, data_source_id, raw_json, completed_properties, created_time, "
                + "last_edited_time, in_trash, synced_at, content_hash, deleted_from_source, deleted_at) "
                + "KEY (page_id, database_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, NULL)");
        assertThat(new H2Dialect().createStatements("bronze", T).get(2))
                .isEqualTo("CREATE INDEX IF NOT EXISTS bronze.idx_bronze_notion_raw_pages_edited ON " + T
                        + " (database_id, last_edited_time)");
    }

    @Test
    void databricksMergesIntoWithAValuesSource() {
        String sql = new DatabricksDialect().upsert(T, 2);
        String row = "(CAST(? AS STRING), CAST(? AS STRING), CAST(? AS STRING), CAST(? AS STRING), CAST(? AS STRING), "
                + "CAST(? AS STRING), CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), CAST(? AS BOOLEAN), CAST(? AS TIMESTAMP), "
                + "CAST(? AS STRING))";
        assertThat(sql).isEqualTo("MERGE INTO bronze.bronze_notion_raw_pages t USING (SELECT * FROM VALUES " + row + ", "
                + row + " AS v(page_id, database_id, database_name, data_source_id, raw_json, completed_properties, "
                + "created_time, last_edited_time, in_trash, synced_at, content_hash)) s "
                + "ON t.page_id = s.page_id AND t.database_id = s.database_id "
                + "WHEN MATCHED THEN UPDATE SET t.database_name = s.database_name, t.data_source_id = s.data_source_id, "
                + "t.raw_json = s.raw_json, t.completed_properties = s.completed_properties, "
                + "t.created_time = s.created_time, t.last_edited_time = s.last_edited_time, t.in_trash = s.in_trash, "
                + "t.synced_at = s.synced_at, t.content_hash = s.content_hash, t.deleted_from_source = FALSE, "
                + "t.deleted_at = NULL "
                + "WHEN NOT MATCHED THEN INSERT (page_id, database_id, database_name, data_source_id, raw_json, "
                + "completed_properties, created_time, last_edited_time, in_trash, synced_at, content_hash, "
                + "deleted_from_source, deleted_at) VALUES (s.page_id, s.database_id, s.database_name, s.data_source_id, "
                + "s.raw_json, s.completed_properties, s.created_time, s.last_edited_time, s.in_trash, s.synced_at, "
                + "s.content_hash, FALSE, NULL)");
        assertThat(new DatabricksDialect().transactional()).isFalse();
        assertThat(new DatabricksDialect().createStatements("bronze", T).get(1))
                .startsWith("CREATE TABLE IF NOT EXISTS bronze.bronze_notion_raw_pages (\n    page_id              STRING NOT NULL,")
                .endsWith(") USING DELTA");
    }

    @Test
    void sharedStatementsAreTheSameForEveryDialect() {
        for (WarehouseDialect d : new WarehouseDialect[] {new H2Dialect(), new PostgresDialect(), new DatabricksDialect()}) {
            assertThat(d.markDeleted(T)).isEqualTo("UPDATE bronze.bronze_notion_raw_pages SET deleted_from_source = TRUE, "
                    + "deleted_at = ? WHERE database_id = ? AND page_id = ? AND deleted_from_source = FALSE");
            assertThat(d.selectExisting(T, 3)).isEqualTo("SELECT page_id, content_hash, deleted_from_source FROM "
                    + "bronze.bronze_notion_raw_pages WHERE database_id = ? AND page_id IN (?, ?, ?)");
            assertThat(d.selectPresent(T)).isEqualTo("SELECT page_id FROM bronze.bronze_notion_raw_pages "
                    + "WHERE database_id = ? AND deleted_from_source = FALSE");
            assertThat(d.selectAnyRow(T)).isEqualTo("SELECT page_id FROM bronze.bronze_notion_raw_pages "
                    + "WHERE database_id = ? LIMIT 1");
        }
    }
}
