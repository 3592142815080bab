package io.notionbridge.notion.property;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a page lives: {@code type} as Notion says it ({@code data_source_id}, {@code database_id}, {@code page_id},
 * {@code block_id}, {@code workspace}), the parent's {@code id}, and for database rows the {@code databaseId} and
 * {@code dataSourceId} (2025-09-03 and later send both; 2022-06-28 only the database id).
 */
public record PageParent(String type, String id, String databaseId, String dataSourceId) {

    static PageParent fromJson(JsonNode parent) {
        if (parent == null || !parent.isObject()) {
            return new PageParent(null, null, null, null);
        }
        String type = parent.path("type").asText(null);
        JsonNode own = type == null ? null : parent.get(type);
        String id = own != null && own.isTextual() ? own.asText() : null;
        return new PageParent(type, id, PropertyReader.text(parent.get("database_id")),
                PropertyReader.text(parent.get("data_source_id")));
    }

    /** True when the page is a row of a database (data source). */
    public boolean isDatabaseRow() {
        return databaseId != null || dataSourceId != null;
    }
}
