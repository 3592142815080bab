package io.notionbridge.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * The one place where the SQL of the warehouse target differs between databases: the DDL of the bronze schema and
 * table, the upsert by (page_id, database_id), marking rows deleted, and reading the hashes already stored. Statements
 * take the table as {@code schema.bronze_notion_raw_pages}; parameters are bound in {@link BronzeRow#COLUMNS} order.
 */
public interface WarehouseDialect {

    /** {@code h2}, {@code postgresql} or {@code databricks}. */
    String name();

    /** Statements that create the schema and the table (and its index) when they do not exist; safe to run again. */
    List<String> createStatements(String schema, String table);

    /**
     * Inserts {@code rows} rows, or updates the row with the same (page_id, database_id): every column of
     * {@link BronzeRow#COLUMNS} from the parameters (row after row), {@code deleted_from_source} false and
     * {@code deleted_at} null.
     */
    String upsert(String table, int rows);

    /**
     * {@code page_id, content_hash, deleted_from_source} of the rows of one database (first parameter) among
     * {@code ids} page ids (the next parameters).
     */
    default String selectExisting(String table, int ids) {
        return "SELECT page_id, content_hash, deleted_from_source FROM " + table + " WHERE database_id = ? AND page_id IN ("
                + String.join(", ", Collections.nCopies(ids, "?")) + ")";
    }

    /** One page id of one database (parameter), if the table has any row for it. */
    default String selectAnyRow(String table) {
        return "SELECT page_id FROM " + table + " WHERE database_id = ? LIMIT 1";
    }

    /** Page ids of one database (parameter) that are not marked deleted. */
    default String selectPresent(String table) {
        return "SELECT page_id FROM " + table + " WHERE database_id = ? AND deleted_from_source = FALSE";
    }

    /** Marks one page (parameters: deleted_at, database_id, page_id) as no longer returned by Notion; keeps the row. */
    default String markDeleted(String table) {
        return "UPDATE " + table + " SET deleted_from_source = TRUE, deleted_at = ? WHERE database_id = ? AND page_id = ?"
                + " AND deleted_from_source = FALSE";
    }

    /** Whether the upserts and the store's checkpoint can share one transaction (when the target is the store). */
    default boolean transactional() {
        return true;
    }

    /** Binds a timestamp parameter (null allowed). */
    default void bindTimestamp(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }

    /** Binds the {@link BronzeRow#COLUMNS} of {@code row} from parameter {@code first} on; returns the next index. */
    default int bind(PreparedStatement ps, int first, BronzeRow row) throws SQLException {
        int i = first;
        ps.setString(i++, row.pageId());
        ps.setString(i++, row.databaseId());
        ps.setString(i++, row.databaseName());
        ps.setString(i++, row.dataSourceId());
        ps.setString(i++, row.rawJson());
        if (row.completedProperties() == null) {
            ps.setNull(i++, Types.VARCHAR);
        } else {
            ps.setString(i++, row.completedProperties());
        }
        bindTimestamp(ps, i++, row.createdTime());
        bindTimestamp(ps, i++, row.lastEditedTime());
        ps.setBoolean(i++, row.inTrash());
        bindTimestamp(ps, i++, row.syncedAt());
        ps.setString(i++, row.contentHash());
        return i;
    }

    /** {@code (?, ?, …)} for one row of {@link BronzeRow#COLUMNS}. */
    static String placeholders() {
        return "(" + String.join(", ", Collections.nCopies(BronzeRow.COLUMNS.size(), "?")) + ")";
    }
}
