package io.notionbridge.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Databricks SQL (Delta tables), and warehouses with the same {@code MERGE INTO … USING … WHEN MATCHED … WHEN NOT
 * MATCHED} statement. One MERGE per page of results (up to 100 rows in a {@code VALUES} source), since each MERGE is
 * one Delta commit. The bridge ships no Databricks driver: put the Databricks JDBC driver on the class path (see
 * {@code docs/warehouse.md}). Delta has no multi-statement transactions, so the store's checkpoint follows each MERGE.
 */
public final class DatabricksDialect implements WarehouseDialect {

    @Override
    public String name() {
        return "databricks";
    }

    @Override
    public List<String> createStatements(String schema, String table) {
        return List.of("CREATE SCHEMA IF NOT EXISTS " + schema,
                "CREATE TABLE IF NOT EXISTS " + table + " (\n"
                        + "    page_id              STRING NOT NULL,\n"
                        + "    database_id          STRING NOT NULL,\n"
                        + "    database_name        STRING NOT NULL,\n"
                        + "    data_source_id       STRING,\n"
                        + "    raw_json             STRING NOT NULL,\n"
                        + "    completed_properties STRING,\n"
                        + "    created_time         TIMESTAMP,\n"
                        + "    last_edited_time     TIMESTAMP,\n"
                        + "    in_trash             BOOLEAN NOT NULL,\n"
                        + "    deleted_from_source  BOOLEAN NOT NULL,\n"
                        + "    deleted_at           TIMESTAMP,\n"
                        + "    synced_at            TIMESTAMP NOT NULL,\n"
                        + "    content_hash         STRING NOT NULL\n"
                        + ") USING DELTA");
    }

    @Override
    public String upsert(String table, int rows) {
        String row = "(" + BronzeRow.COLUMNS.stream().map(DatabricksDialect::param).collect(Collectors.joining(", ")) + ")";
        String updates = BronzeRow.COLUMNS.stream().filter(c -> !BronzeRow.KEY.contains(c))
                .map(c -> "t." + c + " = s." + c).collect(Collectors.joining(", "));
        String on = BronzeRow.KEY.stream().map(c -> "t." + c + " = s." + c).collect(Collectors.joining(" AND "));
        return "MERGE INTO " + table + " t USING (SELECT * FROM VALUES " + String.join(", ", Collections.nCopies(rows, row))
                + " AS v(" + String.join(", ", BronzeRow.COLUMNS) + ")) s ON " + on
                + " WHEN MATCHED THEN UPDATE SET " + updates + ", t.deleted_from_source = FALSE, t.deleted_at = NULL"
                + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", BronzeRow.COLUMNS)
                + ", deleted_from_source, deleted_at) VALUES ("
                + BronzeRow.COLUMNS.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ", FALSE, NULL)";
    }

    /** Typed parameter markers, so that a NULL or a string timestamp lands in the right column type. */
    private static String param(String column) {
        return switch (column) {
            case "created_time", "last_edited_time", "synced_at" -> "CAST(? AS TIMESTAMP)";
            case "in_trash" -> "CAST(? AS BOOLEAN)";
            default -> "CAST(? AS STRING)";
        };
    }

    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public void bindTimestamp(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(t));
        }
    }
}
