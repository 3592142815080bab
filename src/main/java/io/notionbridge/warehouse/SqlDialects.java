package io.notionbridge.warehouse;

/** DDL shared by the H2 and PostgreSQL dialects (both have schemas, TEXT, BOOLEAN and TIMESTAMP WITH TIME ZONE). */
final class SqlDialects {

    private SqlDialects() {
    }

    static String createTable(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (\n"
                + "    page_id              VARCHAR(36) NOT NULL,\n"
                + "    database_id          VARCHAR(36) NOT NULL,\n"
                + "    database_name        VARCHAR(200) NOT NULL,\n"
                + "    data_source_id       VARCHAR(36),\n"
                + "    raw_json             TEXT NOT NULL,\n"
                + "    completed_properties TEXT,\n"
                + "    created_time         TIMESTAMP WITH TIME ZONE,\n"
                + "    last_edited_time     TIMESTAMP WITH TIME ZONE,\n"
                + "    in_trash             BOOLEAN NOT NULL,\n"
                + "    deleted_from_source  BOOLEAN DEFAULT FALSE NOT NULL,\n"
                + "    deleted_at           TIMESTAMP WITH TIME ZONE,\n"
                + "    synced_at            TIMESTAMP WITH TIME ZONE NOT NULL,\n"
                + "    content_hash         VARCHAR(64) NOT NULL,\n"
                + "    PRIMARY KEY (page_id, database_id)\n"
                + ")";
    }

    /**
     * Index for downstream incremental reads: the rows of one database by edit time. {@code indexName} is qualified
     * or not as the database wants it.
     */
    static String createIndex(String indexName, String table) {
        return "CREATE INDEX IF NOT EXISTS " + indexName + " ON " + table + " (database_id, last_edited_time)";
    }

    static final String INDEX = "idx_bronze_notion_raw_pages_edited";
}
