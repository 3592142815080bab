package io.notionbridge.warehouse;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

/**
 * The bronze table {@code <schema>.bronze_notion_raw_pages} in the warehouse target: creating it, reading the hashes
 * already stored, upserting pages and marking pages deleted. All SQL comes from the {@link WarehouseDialect}.
 * Methods that take a {@link Connection} run in the caller's transaction.
 */
public final class BronzePages {

    /** What the table holds for a page already: its content hash and whether it is marked deleted. */
    public record Existing(String contentHash, boolean deletedFromSource) {
    }

    /** Ids per {@code IN (…)} list. */
    static final int ID_BATCH = 100;

    private final DataSource dataSource;
    private final WarehouseDialect dialect;
    private final String schema;
    private final String table;

    public BronzePages(DataSource dataSource, WarehouseDialect dialect, String schema) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.schema = schema;
        this.table = schema + "." + WarehouseSettings.TABLE;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public WarehouseDialect dialect() {
        return dialect;
    }

    /** {@code schema.bronze_notion_raw_pages}. */
    public String table() {
        return table;
    }

    /** True when the table exists. */
    public boolean exists() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            for (String s : new String[] {schema, schema.toUpperCase(Locale.ROOT)}) {
                for (String t : new String[] {WarehouseSettings.TABLE, WarehouseSettings.TABLE.toUpperCase(Locale.ROOT)}) {
                    try (ResultSet rs = md.getTables(null, s, t, null)) {
                        if (rs.next()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
    }

    /** Creates the schema and the table when they do not exist; returns true when the table was created now. */
    public boolean init() throws SQLException {
        boolean existed = exists();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : dialect.createStatements(schema, table)) {
                st.execute(sql);
            }
        }
        return !existed;
    }

    /** The stored hash and deleted flag of those of {@code pageIds} that have a row for {@code databaseId}. */
    public Map<String, Existing> existing(Connection c, String databaseId, Collection<String> pageIds) throws SQLException {
        Map<String, Existing> out = new HashMap<>();
        List<String> ids = new ArrayList<>(pageIds);
        for (int from = 0; from < ids.size(); from += ID_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
            try (PreparedStatement ps = c.prepareStatement(dialect.selectExisting(table, batch.size()))) {
                ps.setString(1, databaseId);
                for (int i = 0; i < batch.size(); i++) {
                    ps.setString(i + 2, batch.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Existing(rs.getString(2), rs.getBoolean(3)));
                    }
                }
            }
        }
        return out;
    }

    /** Inserts or updates {@code rows} (one statement; the rows have distinct page ids). */
    public void upsert(Connection c, List<BronzeRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(dialect.upsert(table, rows.size()))) {
            int i = 1;
            for (BronzeRow row : rows) {
                i = dialect.bind(ps, i, row);
            }
            ps.executeUpdate();
        }
    }

    /** True when the table has at least one row of {@code databaseId}. */
    public boolean hasRows(String databaseId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(dialect.selectAnyRow(table))) {
            ps.setString(1, databaseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Page ids of {@code databaseId} with a row that is not marked deleted. */
    public Set<String> present(Connection c, String databaseId) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(dialect.selectPresent(table))) {
            ps.setString(1, databaseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Marks the rows of these pages deleted from the source (the rows stay); returns how many changed. */
    public int markDeleted(Connection c, String databaseId, Collection<String> pageIds, Instant at) throws SQLException {
        if (pageIds.isEmpty()) {
            return 0;
        }
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(dialect.markDeleted(table))) {
            for (String id : pageIds) {
                dialect.bindTimestamp(ps, 1, at);
                ps.setString(2, databaseId);
                ps.setString(3, id);
                n += ps.executeUpdate();
            }
        }
        return n;
    }
}
