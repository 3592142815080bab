package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bronze table through the dialect of the database the tests run on (H2, or PostgreSQL under .ci/run). */
@Tag("db")
class BronzePagesTest {

    private TestDatabase db;
    private BronzePages bronze;
    private final String schema = "wh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Instant t = Instant.parse("2026-07-04T10:15:00Z");

    @BeforeEach
    void open() {
        db = TestDatabase.create();
        bronze = new BronzePages(db.dataSource(), WarehouseTarget.detect(db.dataSource()), schema);
    }

    @AfterEach
    void close() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        db.close();
    }

    private BronzeRow row(String page, String hash, boolean trash) {
        return new BronzeRow(page, "db1", "projects", "ds1", "{\"object\":\"page\",\"id\":\"" + page + "\"}",
                hash.equals("h2") ? "{\"Actions\":{\"relation\":[]}}" : null, t.minusSeconds(3600), t, trash, t, hash);
    }

    @Test
    void createsTheSchemaAndTableOnceAndUpserts() throws Exception {
        assertThat(bronze.dialect().name()).isEqualTo(TestDatabase.onPostgres() ? "postgresql" : "h2");
        assertThat(bronze.exists()).isFalse();
        assertThat(bronze.init()).as("created").isTrue();
        assertThat(bronze.init()).as("already there").isFalse();
        assertThat(bronze.exists()).isTrue();

        assertThat(bronze.hasRows("db1")).isFalse();
        try (Connection c = db.dataSource().getConnection()) {
            bronze.upsert(c, List.of(row("p1", "h1", false), row("p2", "h1", false)));
            assertThat(bronze.hasRows("db1")).isTrue();
            assertThat(bronze.hasRows("other-db")).isFalse();
            bronze.upsert(c, List.of(row("p1", "h2", true)));
            Map<String, BronzePages.Existing> existing = bronze.existing(c, "db1", List.of("p1", "p2", "p3"));
            assertThat(existing).containsOnlyKeys("p1", "p2");
            assertThat(existing.get("p1")).isEqualTo(new BronzePages.Existing("h2", false));
            assertThat(bronze.existing(c, "other-db", List.of("p1"))).isEmpty();

            assertThat(bronze.markDeleted(c, "db1", List.of("p2"), t.plusSeconds(60))).isEqualTo(1);
            assertThat(bronze.markDeleted(c, "db1", List.of("p2"), t.plusSeconds(120))).as("once").isZero();
            assertThat(bronze.present(c, "db1")).isEqualTo(Set.of("p1"));
            assertThat(bronze.existing(c, "db1", List.of("p2")).get("p2").deletedFromSource()).isTrue();

            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT in_trash, completed_properties, "
                    + "last_edited_time, raw_json FROM " + bronze.table() + " WHERE page_id = 'p1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getString(2)).isEqualTo("{\"Actions\":{\"relation\":[]}}");
                assertThat(rs.getObject(3, java.time.OffsetDateTime.class).toInstant()).isEqualTo(t);
                assertThat(rs.getString(4)).isEqualTo("{\"object\":\"page\",\"id\":\"p1\"}");
            }

            bronze.upsert(c, List.of(row("p2", "h1", false)));
            assertThat(bronze.present(c, "db1")).as("a page that comes back is present again").isEqualTo(Set.of("p1", "p2"));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT deleted_at FROM "
                    + bronze.table() + " WHERE page_id = 'p2'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1)).isNull();
            }
        }
    }

    @Test
    void manyIdsAreAskedInBatches() throws Exception {
        bronze.init();
        List<String> ids = java.util.stream.IntStream.range(0, 250).mapToObj(i -> "p" + i).toList();
        try (Connection c = db.dataSource().getConnection()) {
            bronze.upsert(c, ids.stream().map(id -> row(id, "h1", false)).toList().subList(0, 100));
            bronze.upsert(c, ids.stream().map(id -> row(id, "h1", false)).toList().subList(100, 250));
            assertThat(bronze.existing(c, "db1", ids)).hasSize(250);
            assertThat(bronze.present(c, "db1")).hasSize(250);
        }
    }
}
