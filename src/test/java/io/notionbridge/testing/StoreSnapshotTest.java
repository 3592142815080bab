package io.notionbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import io.notionbridge.store.Migrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The store snapshot of the bad-input drill: every table from the metadata, and any change to any row shows. */
@Tag("db")
class StoreSnapshotTest {

    private final TestDatabase db = TestDatabase.create();

    @AfterEach
    void close() {
        db.close();
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.executeUpdate(s);
            }
        }
    }

    @Test
    void everyTableIsReadAndEveryChangeShows() throws Exception {
        new Migrations(db.dataSource()).migrate();
        StoreSnapshot empty = StoreSnapshot.of(db.dataSource());
        assertThat(empty.tables().keySet()).anyMatch(t -> t.endsWith(".tasks")).anyMatch(t -> t.endsWith(".job_runs"))
                .anyMatch(t -> t.endsWith(".webhook_inbox"));
        assertThat(empty.changedIn(StoreSnapshot.of(db.dataSource()))).isEmpty();

        sql("INSERT INTO job_runs (job, started_at, outcome) VALUES ('a', CURRENT_TIMESTAMP, 'ok')");
        StoreSnapshot one = StoreSnapshot.of(db.dataSource());
        assertThat(empty.changedIn(one)).singleElement().asString().endsWith(".job_runs");

        sql("UPDATE job_runs SET outcome = 'failed'");
        StoreSnapshot updated = StoreSnapshot.of(db.dataSource());
        assertThat(one.changedIn(updated)).as("same count, other content").singleElement().asString()
                .endsWith(".job_runs");
        assertThat(one.describeChanges(updated)).contains("1 rows");

        sql("CREATE TABLE drill_extra (id INT)");
        assertThat(updated.changedIn(StoreSnapshot.of(db.dataSource()))).as("a new table shows")
                .singleElement().asString().endsWith(".drill_extra");
    }
}
