package io.notionbridge.warehouse;

import java.util.Collections;
import java.util.List;

/** H2 (the default store, PostgreSQL mode or not): {@code MERGE INTO … KEY (page_id, database_id) VALUES …}. */
public final class H2Dialect implements WarehouseDialect {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public List<String> createStatements(String schema, String table) {
        return List.of("CREATE SCHEMA IF NOT EXISTS " + schema, SqlDialects.createTable(table),
                SqlDialects.createIndex(schema + "." + SqlDialects.INDEX, table));
    }

    @Override
    public String upsert(String table, int rows) {
        return "MERGE INTO " + table + " (" + String.join(", ", BronzeRow.COLUMNS)
                + ", deleted_from_source, deleted_at) KEY (" + String.join(", ", BronzeRow.KEY) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, row()));
    }

    private static String row() {
        String p = WarehouseDialect.placeholders();
        return p.substring(0, p.length() - 1) + ", FALSE, NULL)";
    }
}
