package io.notionbridge.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * Every table of a store, as found in the database's metadata (not a list written down in a test), with its row count
 * and a checksum of its contents (independent of row order). Two snapshots are equal exactly when no table was added,
 * dropped or changed in between. On PostgreSQL only the test's own schema and {@code bronze} are read.
 */
public final class StoreSnapshot {

    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast");

    /** One table's state. */
    public record TableState(long rows, String checksum) {
        @Override
        public String toString() {
            return rows + " rows, sha256 " + checksum.substring(0, 12);
        }
    }

    private final Map<String, TableState> tables;

    private StoreSnapshot(Map<String, TableState> tables) {
        this.tables = Collections.unmodifiableMap(tables);
    }

    /** Reads every table of {@code dataSource}. */
    public static StoreSnapshot of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, TableState> tables = new TreeMap<>();
            for (String table : tableNames(c)) {
                tables.put(table, read(c, table));
            }
            return new StoreSnapshot(tables);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** {@code schema.table} of every table, from the connection's metadata. */
    static List<String> tableNames(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String own = c.getSchema();
        List<String> names = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String s = schema == null ? "" : schema.toLowerCase(Locale.ROOT);
                if (SYSTEM_SCHEMAS.contains(s) || (postgres && !s.equals(own) && !s.equals("bronze"))) {
                    continue;
                }
                names.add(schema + "." + rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static TableState read(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + quoted(table))) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append('\u0001');
                }
                rows.add(row.toString());
            }
        }
        Collections.sort(rows);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String r : rows) {
                sha.update(r.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return new TableState(rows.size(), HexFormat.of().formatHex(sha.digest()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String table) {
        int dot = table.indexOf('.');
        return "\"" + table.substring(0, dot) + "\".\"" + table.substring(dot + 1) + "\"";
    }

    public Map<String, TableState> tables() {
        return tables;
    }

    /** The tables that differ between this snapshot and {@code later} (added, dropped or changed). */
    public Set<String> changedIn(StoreSnapshot later) {
        Set<String> changed = new TreeSet<>();
        Set<String> all = new TreeSet<>(tables.keySet());
        all.addAll(later.tables.keySet());
        for (String t : all) {
            if (!Objects.equals(tables.get(t), later.tables.get(t))) {
                changed.add(t);
            }
        }
        return changed;
    }

    /** What changed, for an assertion message: {@code table (before -> after)}. */
    public String describeChanges(StoreSnapshot later) {
        StringBuilder s = new StringBuilder();
        for (String t : changedIn(later)) {
            s.append(t).append(" (").append(tables.get(t)).append(" -> ").append(later.tables.get(t)).append(") ");
        }
        return s.toString().strip();
    }

    @Override
    public String toString() {
        return tables.toString();
    }
}
