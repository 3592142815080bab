package io.notionbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.config.BridgeException;
import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `db export` / `db import`: lossless round trip, refusal to overwrite, and no change on a bad file. */
@Tag("db")
class DatabaseBackupTest {

    @TempDir
    Path dir;

    private TestDatabase source;
    private TestDatabase target;

    @BeforeEach
    void setUp() {
        source = TestDatabase.create();
        target = TestDatabase.create();
        new Migrations(source.dataSource()).migrate();
        new Migrations(target.dataSource()).migrate();
    }

    @AfterEach
    void tearDown() {
        source.close();
        target.close();
    }

    @Test
    void exportThenImportIsLossless() throws Exception {
        seed(source);
        Path file = dir.resolve("backup.json");
        DatabaseBackup.Summary exported = new DatabaseBackup(source.dataSource()).export(file);
        assertThat(exported.rowsPerTable()).containsEntry("job_runs", 3);

        DatabaseBackup.Summary imported = new DatabaseBackup(target.dataSource()).restore(file, false);
        assertThat(imported.totalRows()).isEqualTo(6);
        assertThat(rows(target, "job_runs")).isEqualTo(rows(source, "job_runs"));
        assertThat(rows(target, "signals")).isEqualTo(rows(source, "signals"));
        assertThat(rows(target, "signal_processing", "signal_id")).isEqualTo(rows(source, "signal_processing", "signal_id"));
        assertThat(rows(target, "tasks")).isEqualTo(rows(source, "tasks"));

        // a second export of the restored store carries exactly the same rows
        Path again = dir.resolve("again.json");
        new DatabaseBackup(target.dataSource()).export(again);
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(again.toFile()).get("tables")).isEqualTo(m.readTree(file.toFile()).get("tables"));

        // the identity counter moved past the restored ids: a new row gets a fresh id
        try (Connection c = target.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO job_runs (job, started_at, outcome) VALUES ('new', CURRENT_TIMESTAMP, 'ok')");
            try (ResultSet rs = st.executeQuery("SELECT MAX(id) FROM job_runs")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThan(1002L);
            }
        }
    }

    @Test
    void importRefusesANonEmptyStoreUnlessForced() throws Exception {
        seed(source);
        Path file = dir.resolve("backup.json");
        new DatabaseBackup(source.dataSource()).export(file);
        insertOne(target, "existing");

        assertThatThrownBy(() -> new DatabaseBackup(target.dataSource()).restore(file, false))
                .isInstanceOf(BridgeException.class).hasMessageContaining("--force");
        assertThat(rows(target, "job_runs")).hasSize(1);

        new DatabaseBackup(target.dataSource()).restore(file, true);
        assertThat(rows(target, "job_runs")).isEqualTo(rows(source, "job_runs"));
    }

    @Test
    void truncatedFileLeavesTheStoreUnchanged() throws Exception {
        seed(source);
        Path file = dir.resolve("backup.json");
        new DatabaseBackup(source.dataSource()).export(file);
        byte[] all = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.json");
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        insertOne(target, "keep-me");
        List<List<Object>> before = rows(target, "job_runs");

        assertThatThrownBy(() -> new DatabaseBackup(target.dataSource()).restore(truncated, true))
                .isInstanceOf(BridgeException.class).hasMessageContaining("not valid JSON");
        assertThat(rows(target, "job_runs")).isEqualTo(before);
    }

    @Test
    void corruptValueLeavesTheStoreUnchangedEvenWithForce() throws Exception {
        seed(source);
        Path file = dir.resolve("backup.json");
        new DatabaseBackup(source.dataSource()).export(file);
        String json = Files.readString(file).replaceFirst("\"ok\"", "\"ok\"").replaceFirst("1001,", "\"not-a-number\",");
        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, json, StandardCharsets.UTF_8);
        insertOne(target, "keep-me");
        List<List<Object>> before = rows(target, "job_runs");

        assertThatThrownBy(() -> new DatabaseBackup(target.dataSource()).restore(corrupt, true))
                .isInstanceOf(BridgeException.class).hasMessageContaining("job_runs.id").hasMessageContaining("nothing was changed");
        assertThat(rows(target, "job_runs")).isEqualTo(before);
    }

    @Test
    void fileThatIsNotABackupIsRefused() throws Exception {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"hello\": 1}");
        assertThatThrownBy(() -> new DatabaseBackup(target.dataSource()).restore(other, true))
                .isInstanceOf(BridgeException.class).hasMessageContaining("not a Notion Bridge backup");
        assertThatThrownBy(() -> new DatabaseBackup(target.dataSource()).restore(dir.resolve("missing.json"), true))
                .isInstanceOf(BridgeException.class).hasMessageContaining("does not exist");
    }

    private static void seed(TestDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO job_runs (id, job, scope, started_at, finished_at, outcome, "
                     + "dry_run, stats, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[][] rows = {
                {1001L, "push", null, OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC),
                    OffsetDateTime.of(2026, 1, 2, 3, 5, 0, 0, ZoneOffset.UTC), "ok", false,
                    "{\"processed\":12,\"pushed\":3,\"score\":0.8125}", null},
                {1002L, "warehouse-sync", "Projects ünïcødé 🚀 \"quoted\"\nnewline", OffsetDateTime.of(2026, 6, 30, 23, 59, 59, 0,
                    ZoneOffset.ofHours(2)), null, "running", true, "x".repeat(70_000), null},
                {1000L, "suppression-sync", "", OffsetDateTime.of(2025, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC),
                    OffsetDateTime.of(2025, 12, 31, 0, 1, 0, 0, ZoneOffset.UTC), "failed", false, null, "HTTP 401 unauthorized"},
            };
            for (Object[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    ps.setObject(i + 1, r[i]);
                }
                ps.executeUpdate();
            }
        }
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            // a child row (signal_processing) references its parent (signals): import must insert parents first
            st.executeUpdate("INSERT INTO signals (id, canonical_key, key_strength, signal_type, source_api, company_name, "
                    + "confidence, detected_at, raw_data) VALUES (7, 'domain:acme.ai', 'strong', 'funding', 'news', 'Acme', "
                    + "0.12345, TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00', '{\"round\":\"seed\"}')");
            st.executeUpdate("INSERT INTO signal_processing (signal_id, state, reason) VALUES (7, 'pending', NULL)");
            st.executeUpdate("INSERT INTO tasks (title, channel, status, priority, notion_page_id) "
                    + "VALUES ('Explain qubits', 'tech-explained', 'pending', 'high', 'p-1')");
        }
    }

    private static void insertOne(TestDatabase db, String job) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO job_runs (job, started_at, outcome) VALUES ('" + job + "', CURRENT_TIMESTAMP, 'ok')");
        }
    }

    private static List<List<Object>> rows(TestDatabase db, String table) throws Exception {
        return rows(db, table, "id");
    }

    private static List<List<Object>> rows(TestDatabase db, String table, String orderBy) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    if (v != null && md.getColumnTypeName(i).toLowerCase().matches("timestamptz|timestamp with time zone")) {
                        v = rs.getObject(i, OffsetDateTime.class).toInstant();
                    }
                    row.add(v);
                }
                out.add(row);
            }
        }
        return out;
    }
}
