package io.notionbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeMap;

import io.notionbridge.config.BridgeException;
import io.notionbridge.testing.TestDatabase;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every migration goes up and comes back down, leaving the schema exactly as it was before it. */
@Tag("db")
class MigrationsTest {

    private TestDatabase db;
    private Migrations migrations;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        migrations = new Migrations(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void everyMigrationHasARollbackScript() {
        List<MigrationInfo> all = migrations.all();
        assertThat(all).isNotEmpty();
        for (MigrationInfo m : all) {
            String down = Migrations.rollbackScriptFor(m.getScript());
            assertThat(getClass().getClassLoader().getResource(down)).as("rollback script %s", down).isNotNull();
        }
    }

    @Test
    void eachMigrationUpThenDownRestoresThePreviousSchema() throws SQLException {
        List<MigrationInfo> all = migrations.all();
        String previous = "0";
        for (MigrationInfo m : all) {
            String version = m.getVersion().getVersion();
            TreeMap<String, List<String>> before = schema();
            migrations.migrateTo(version);
            assertThat(migrations.currentVersion()).isEqualTo(version);
            TreeMap<String, List<String>> after = schema();
            assertThat(after).as("migration %s changes the schema", version).isNotEqualTo(before);

            List<String> undone = migrations.rollback(previous);
            assertThat(undone).containsExactly(version);
            assertThat(schema()).as("schema after rolling back %s", version).isEqualTo(before);

            migrations.migrateTo(version);
            assertThat(schema()).as("schema after re-applying %s", version).isEqualTo(after);
            previous = version;
        }
    }

    @Test
    void rollbackToZeroLeavesNoTablesAndMigrateRebuildsAll() throws SQLException {
        migrations.migrate();
        TreeMap<String, List<String>> full = schema();
        migrations.rollback("0");
        assertThat(schema()).isEmpty();
        assertThat(migrations.currentVersion()).isEqualTo("none");
        migrations.migrate();
        assertThat(schema()).isEqualTo(full);
        assertThat(migrations.validate()).isEmpty();
    }

    @Test
    void rollbackWithoutVersionUndoesOnlyTheNewest() {
        migrations.migrate();
        String latest = migrations.latestVersion();
        assertThat(migrations.rollback(null)).containsExactly(latest);
    }

    @Test
    void rollbackRejectsUnknownAndMalformedVersions() {
        migrations.migrate();
        assertThatThrownBy(() -> migrations.rollback("999")).isInstanceOf(BridgeException.class)
                .hasMessageContaining("not a known migration version");
        assertThatThrownBy(() -> migrations.rollback("v2; drop")).isInstanceOf(BridgeException.class)
                .hasMessageContaining("--to must be a migration version");
    }

    @Test
    void rollbackOfAnEmptyStoreSaysSo() {
        assertThatThrownBy(() -> migrations.rollback(null)).isInstanceOf(BridgeException.class)
                .hasMessageContaining("nothing to roll back");
    }

    /**
     * H2 2.4 binds a list check constraint to the session that created it; once the pool closes that connection
     * (turnover, a store outage) every write of the table failed with "Check constraint invalid" (migration 9).
     */
    @Test
    void checkConstraintsHoldAfterTheConnectionsThatCreatedThemAreClosed() throws Exception {
        migrations.migrate();
        db.dataSource().getHikariPoolMXBean().softEvictConnections();
        try (Connection c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO tasks (title, status, priority) VALUES ('ok', 'pending', 'high')");
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO tasks (title, status) VALUES ('bad', 'nonsense')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("ck_tasks_status");
            assertThatThrownBy(() -> st.executeUpdate("UPDATE tasks SET priority = 'urgent'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("ck_tasks_priority");
            try (var rs = st.executeQuery("SELECT COUNT(*) FROM tasks WHERE status = 'pending' AND priority = 'high'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void statementsAreSplitOnSemicolonsAtLineEnds() {
        assertThat(Migrations.statements("-- c\nCREATE TABLE a (x INT);\n\nDROP TABLE b;"))
                .containsExactly("CREATE TABLE a (x INT)", "DROP TABLE b");
    }

    private TreeMap<String, List<String>> schema() throws SQLException {
        TreeMap<String, List<String>> s = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection()) {
            for (StoreTables.Table t : StoreTables.list(c)) {
                s.put(t.name(), t.columns().stream().map(col -> col.name() + ":" + col.typeName()).sorted().toList());
            }
            try (var rs = c.getMetaData().getIndexInfo(null, c.getSchema(), "%", false, false)) {
                // index names are part of what a rollback must remove
                while (rs.next()) {
                    String idx = rs.getString("INDEX_NAME");
                    String table = rs.getString("TABLE_NAME");
                    if (idx != null && !table.equalsIgnoreCase(StoreTables.HISTORY_TABLE)) {
                        s.computeIfAbsent("index:" + idx.toLowerCase(), k -> List.of(table.toLowerCase()));
                    }
                }
            } catch (SQLException e) {
                // H2 may refuse a table pattern for index info; tables and columns still compare
            }
            // the named check constraints (ck_...) and their rule, as the database shows it
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT constraint_name, check_clause FROM "
                    + "information_schema.check_constraints WHERE constraint_schema = CURRENT_SCHEMA "
                    + "AND LOWER(constraint_name) LIKE 'ck\\_%'")) {
                while (rs.next()) {
                    s.put("check:" + rs.getString(1).toLowerCase(), List.of(rs.getString(2)));
                }
            }
        }
        return s;
    }
}
