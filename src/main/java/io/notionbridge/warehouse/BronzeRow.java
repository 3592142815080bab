package io.notionbridge.warehouse;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code bronze_notion_raw_pages} as a sync writes it. {@code deleted_from_source} and {@code deleted_at}
 * are not here: a page a sync has just read is present, so every upsert sets them to false and null.
 *
 * @param rawJson             the page object exactly as Notion returned it in the query (never merged or reshaped)
 * @param completedProperties JSON object of the property values read in full from the property item endpoint
 *                            (name → value in the page object's shape), or null when no value was truncated
 * @param contentHash         SHA-256 of the page's content and the completed values ({@link ContentHash})
 */
public record BronzeRow(String pageId, String databaseId, String databaseName, String dataSourceId, String rawJson,
                        String completedProperties, Instant createdTime, Instant lastEditedTime, boolean inTrash,
                        Instant syncedAt, String contentHash) {

    /** The columns an upsert binds, in parameter order. */
    public static final List<String> COLUMNS = List.of("page_id", "database_id", "database_name", "data_source_id",
            "raw_json", "completed_properties", "created_time", "last_edited_time", "in_trash", "synced_at",
            "content_hash");

    /** The key of the table. */
    public static final List<String> KEY = List.of("page_id", "database_id");
}
