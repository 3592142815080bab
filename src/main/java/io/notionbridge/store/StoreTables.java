package io.notionbridge.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The store's own tables as the database describes them: names, columns, keys, in foreign-key order. */
public final class StoreTables {

    public static final String HISTORY_TABLE = "flyway_schema_history";

    /** One column: its name, JDBC type and whether the database generates it. */
    public record Column(String name, int jdbcType, String typeName, boolean autoIncrement) {
    }

    /** One table with its columns and primary key columns. */
    public record Table(String name, List<Column> columns, List<String> primaryKey) {
        public Column column(String name) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst().orElse(null);
        }
    }

    private StoreTables() {
    }

    /** Tables of the current schema except Flyway's history, parents before children. */
    public static List<Table> list(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Table> tables = new LinkedHashMap<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(HISTORY_TABLE)) {
                    tables.put(name.toLowerCase(Locale.ROOT), null);
                }
            }
        }
        for (String name : new ArrayList<>(tables.keySet())) {
            tables.put(name, describe(md, schema, name));
        }
        return dependencyOrder(md, schema, tables);
    }

    private static Table describe(DatabaseMetaData md, String schema, String name) throws SQLException {
        List<Column> cols = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, schema, name, "%")) {
            while (rs.next()) {
                cols.add(new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"),
                        rs.getString("TYPE_NAME"), "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        Map<Integer, String> pk = new java.util.TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(null, schema, name)) {
            while (rs.next()) {
                pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new Table(name, cols, new ArrayList<>(pk.values()));
    }

    private static List<Table> dependencyOrder(DatabaseMetaData md, String schema, Map<String, Table> tables)
            throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String name : tables.keySet()) {
            Set<String> p = new LinkedHashSet<>();
            try (ResultSet rs = md.getImportedKeys(null, schema, name)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(name) && tables.containsKey(parent)) {
                        p.add(parent);
                    }
                }
            }
            parents.put(name, p);
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (done.size() < tables.size()) {
            boolean progress = false;
            for (String name : tables.keySet()) {
                if (!done.contains(name) && done.containsAll(parents.get(name))) {
                    done.add(name);
                    ordered.add(tables.get(name));
                    progress = true;
                }
            }
            if (!progress) {
                tables.keySet().stream().filter(n -> !done.contains(n)).forEach(n -> {
                    done.add(n);
                    ordered.add(tables.get(n));
                });
            }
        }
        return ordered;
    }
}
