package io.notionbridge.warehouse;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL: {@code INSERT … ON CONFLICT (page_id, database_id) DO UPDATE SET … = EXCLUDED.…}. */
public final class PostgresDialect implements WarehouseDialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public List<String> createStatements(String schema, String table) {
        // PostgreSQL creates an index in its table's schema; the name must not be qualified
        return List.of("CREATE SCHEMA IF NOT EXISTS " + schema, SqlDialects.createTable(table),
                SqlDialects.createIndex(SqlDialects.INDEX, table));
    }

    @Override
    public String upsert(String table, int rows) {
        String p = WarehouseDialect.placeholders();
        String row = p.substring(0, p.length() - 1) + ", FALSE, NULL)";
        String updates = BronzeRow.COLUMNS.stream().filter(c -> !BronzeRow.KEY.contains(c))
                .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", BronzeRow.COLUMNS) + ", deleted_from_source, deleted_at) "
                + "VALUES " + String.join(", ", Collections.nCopies(rows, row))
                + " ON CONFLICT (" + String.join(", ", BronzeRow.KEY) + ") DO UPDATE SET " + updates
                + ", deleted_from_source = FALSE, deleted_at = NULL";
    }
}
