package io.notionbridge.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.notionbridge.config.BridgeException;
import io.notionbridge.store.StoreTables.Column;
import io.notionbridge.store.StoreTables.Table;

/**
 * JSON backup of every table of the store ({@code db export}) and its restore ({@code db import}).
 * <p>
 * The file records the schema version, and per table its column names and rows as arrays. Values keep their exact
 * form: decimals as JSON numbers, timestamps as ISO-8601 with offset, binary as base64. A restore reads and checks the
 * whole file before touching the database, then replaces the data in one transaction: a corrupt or truncated file, or
 * any failing row, leaves the database as it was.
 */
public final class DatabaseBackup {

    public static final String FORMAT = "notion-bridge-backup";
    public static final int FORMAT_VERSION = 1;

    private final DataSource dataSource;
    private final Migrations migrations;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** What an export or import did. */
    public record Summary(Map<String, Integer> rowsPerTable, String schemaVersion) {
        public int totalRows() {
            return rowsPerTable.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public DatabaseBackup(DataSource dataSource) {
        this.dataSource = dataSource;
        this.migrations = new Migrations(dataSource);
    }

    public Summary export(Path file) {
        Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".partial");
        Map<String, Integer> counts = new LinkedHashMap<>();
        String version = migrations.currentVersion();
        if ("none".equals(version)) {
            throw new BridgeException("the store has no Notion Bridge schema yet, so there is nothing to export; "
                    + "run `notion-bridge db migrate` or start the bridge once");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (OutputStream out = Files.newOutputStream(tmp);
                 JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeNumberField("formatVersion", FORMAT_VERSION);
                g.writeStringField("schemaVersion", version);
                g.writeStringField("exportedAt", Instant.now().toString());
                g.writeObjectFieldStart("tables");
                for (Table t : StoreTables.list(c)) {
                    counts.put(t.name(), writeTable(c, t, g));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            c.commit();
        } catch (SQLException e) {
            deleteQuietly(tmp);
            throw new BridgeException("export failed reading the database: " + Database.rootMessage(e), e);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new BridgeException("cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BridgeException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Summary(counts, version);
    }

    private int writeTable(Connection c, Table t, JsonGenerator g) throws SQLException, IOException {
        g.writeObjectFieldStart(t.name());
        g.writeArrayFieldStart("columns");
        for (Column col : t.columns()) {
            g.writeString(col.name());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        String order = t.primaryKey().isEmpty() ? "" : " ORDER BY " + String.join(", ", t.primaryKey());
        int n = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + t.name() + order)) {
            while (rs.next()) {
                g.writeStartArray();
                for (int i = 0; i < t.columns().size(); i++) {
                    writeValue(g, rs, i + 1, t.columns().get(i));
                }
                g.writeEndArray();
                n++;
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        return n;
    }

    private static void writeValue(JsonGenerator g, ResultSet rs, int i, Column col) throws SQLException, IOException {
        Object v;
        switch (kind(col)) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> v = rs.getObject(i, OffsetDateTime.class);
            case Types.TIMESTAMP -> v = rs.getObject(i, LocalDateTime.class);
            case Types.DATE -> v = rs.getObject(i, LocalDate.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] b = rs.getBytes(i);
                v = b == null ? null : Base64.getEncoder().encodeToString(b);
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean b = rs.getBoolean(i);
                v = rs.wasNull() ? null : b;
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long l = rs.getLong(i);
                v = rs.wasNull() ? null : l;
            }
            case Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE -> v = rs.getBigDecimal(i);
            default -> v = rs.getString(i);
        }
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    /** Restores {@code file}; refuses a store that holds data unless {@code force}, which replaces it. */
    public Summary restore(Path file, boolean force) {
        JsonNode root = read(file);
        String fileVersion = root.path("schemaVersion").asText();
        String current = migrations.currentVersion();
        if (!fileVersion.equals(current)) {
            throw new BridgeException("backup " + file + " is of schema version " + fileVersion + " but the store is at "
                    + current + "; restore it with the Notion Bridge version that wrote it, or migrate first");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Table> tables = StoreTables.list(c);
                checkTables(file, root.get("tables"), tables);
                int existing = countRows(c, tables);
                if (existing > 0 && !force) {
                    throw new BridgeException("the store already holds " + existing
                            + " row(s); import refuses to overwrite them. Add --force to replace all data with the backup");
                }
                for (int i = tables.size() - 1; i >= 0; i--) {
                    try (Statement st = c.createStatement()) {
                        st.executeUpdate("DELETE FROM " + tables.get(i).name());
                    }
                }
                for (Table t : tables) {
                    counts.put(t.name(), insertRows(c, t, root.get("tables").get(t.name())));
                }
                c.commit();
                // identity counters move past the restored ids; done after the commit because H2 commits DDL
                boolean pg = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
                c.setAutoCommit(true);
                for (Table t : tables) {
                    resetIdentity(c, t, pg);
                }
            } catch (SQLException | RuntimeException e) {
                Transactions.rollback(c, e);
                if (e instanceof BridgeException be) {
                    throw be;
                }
                throw new BridgeException("import of " + file + " failed and nothing was changed: " + Database.rootMessage(e), e);
            }
        } catch (SQLException e) {
            throw new BridgeException("import of " + file + " failed and nothing was changed: " + Database.rootMessage(e), e);
        }
        return new Summary(counts, fileVersion);
    }

    private JsonNode read(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = mapper.readTree(in);
        } catch (NoSuchFileException e) {
            throw new BridgeException("backup file " + file + " does not exist");
        } catch (JsonParseException e) {
            throw new BridgeException("backup file " + file + " is not valid JSON (truncated or corrupt at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "); nothing was changed");
        } catch (IOException e) {
            throw new BridgeException("cannot read backup file " + file + ": " + e.getMessage() + "; nothing was changed");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new BridgeException(file + " is not a Notion Bridge backup (no \"format\": \"" + FORMAT + "\")");
        }
        if (root.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new BridgeException(file + " has backup format version " + root.path("formatVersion").asText()
                    + "; this build reads version " + FORMAT_VERSION);
        }
        if (!root.path("tables").isObject()) {
            throw new BridgeException(file + " has no \"tables\" object; the backup is corrupt");
        }
        return root;
    }

    private static void checkTables(Path file, JsonNode tablesNode, List<Table> tables) {
        List<String> names = tables.stream().map(Table::name).toList();
        for (var it = tablesNode.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!names.contains(n)) {
                throw new BridgeException("backup " + file + " has a table '" + n + "' the store does not have");
            }
        }
        for (Table t : tables) {
            JsonNode tn = tablesNode.get(t.name());
            if (tn == null) {
                throw new BridgeException("backup " + file + " lacks table '" + t.name() + "'; the backup is incomplete");
            }
            if (!tn.path("columns").isArray() || !tn.path("rows").isArray()) {
                throw new BridgeException("backup " + file + ": table '" + t.name() + "' needs \"columns\" and \"rows\" arrays");
            }
            int width = tn.get("columns").size();
            for (JsonNode col : tn.get("columns")) {
                if (t.column(col.asText()) == null) {
                    throw new BridgeException("backup " + file + ": table '" + t.name() + "' has no column '" + col.asText() + "'");
                }
            }
            int r = 0;
            for (JsonNode row : tn.get("rows")) {
                if (!row.isArray() || row.size() != width) {
                    throw new BridgeException("backup " + file + ": row " + r + " of table '" + t.name() + "' has "
                            + row.size() + " values for " + width + " columns");
                }
                r++;
            }
        }
    }

    private static int countRows(Connection c, List<Table> tables) throws SQLException {
        int n = 0;
        for (Table t : tables) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t.name())) {
                rs.next();
                n += rs.getInt(1);
            }
        }
        return n;
    }

    private int insertRows(Connection c, Table t, JsonNode tn) throws SQLException {
        List<Column> cols = new ArrayList<>();
        for (JsonNode col : tn.get("columns")) {
            cols.add(t.column(col.asText()));
        }
        if (tn.get("rows").isEmpty()) {
            return 0;
        }
        String sql = "INSERT INTO " + t.name() + " (" + cols.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") VALUES (" + cols.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (JsonNode row : tn.get("rows")) {
                for (int i = 0; i < cols.size(); i++) {
                    bind(ps, i + 1, cols.get(i), row.get(i), t.name());
                }
                ps.addBatch();
                if (++n % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    private static void bind(PreparedStatement ps, int i, Column col, JsonNode v, String table) throws SQLException {
        if (v == null || v.isNull()) {
            ps.setNull(i, col.jdbcType());
            return;
        }
        try {
            switch (kind(col)) {
                case Types.TIMESTAMP_WITH_TIMEZONE -> ps.setObject(i, OffsetDateTime.parse(v.asText()));
                case Types.TIMESTAMP -> ps.setObject(i, LocalDateTime.parse(v.asText()));
                case Types.DATE -> ps.setObject(i, LocalDate.parse(v.asText()));
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                        ps.setBytes(i, Base64.getDecoder().decode(v.asText()));
                case Types.BOOLEAN, Types.BIT -> {
                    if (!v.isBoolean()) {
                        throw new IllegalArgumentException("expected true or false");
                    }
                    ps.setBoolean(i, v.booleanValue());
                }
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                    if (!v.isIntegralNumber()) {
                        throw new IllegalArgumentException("expected a whole number");
                    }
                    ps.setLong(i, v.longValue());
                }
                case Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                    if (!v.isNumber()) {
                        throw new IllegalArgumentException("expected a number");
                    }
                    ps.setBigDecimal(i, v.decimalValue());
                }
                default -> {
                    if (!v.isTextual()) {
                        throw new IllegalArgumentException("expected a string");
                    }
                    ps.setString(i, v.textValue());
                }
            }
        } catch (RuntimeException e) {
            throw new BridgeException("backup value for " + table + "." + col.name() + " is invalid (" + e.getMessage()
                    + "): " + abbreviate(v.toString()) + "; nothing was changed", e);
        }
    }

    /**
     * The column's JDBC type, with PostgreSQL's {@code timestamptz} (which its driver reports as TIMESTAMP) told apart
     * so that offsets survive the round trip.
     */
    private static int kind(Column col) {
        String name = col.typeName() == null ? "" : col.typeName().toLowerCase(java.util.Locale.ROOT);
        if (name.equals("timestamptz") || name.contains("with time zone")) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        return col.jdbcType();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static void resetIdentity(Connection c, Table t, boolean postgres) throws SQLException {
        for (Column col : t.columns()) {
            if (!col.autoIncrement()) {
                continue;
            }
            long max;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(" + col.name() + "), 0) FROM " + t.name())) {
                rs.next();
                max = rs.getLong(1);
            }
            try (Statement st = c.createStatement()) {
                if (postgres) {
                    st.execute("SELECT setval(pg_get_serial_sequence('" + t.name() + "', '" + col.name() + "'), "
                            + Math.max(max, 1) + ", " + (max > 0) + ")");
                } else {
                    st.execute("ALTER TABLE " + t.name() + " ALTER COLUMN " + col.name() + " RESTART WITH " + (max + 1));
                }
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the partial file is only a leftover
        }
    }
}
