package io.notionbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.notionbridge.config.BridgeException;
import io.notionbridge.testing.ProxiedStore;
import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The store's pool through an outage (the database behind a proxy that the test cuts): a caller waits at most the
 * connection timeout, the failure reads as "store unavailable", and after the database is back the pool heals by
 * itself, even under a steady stream of queries that never leaves a connection idle.
 */
@Tag("db")
class DatabaseOutageTest {

    private static final int TIMEOUT_MS = 500;

    private TestDatabase db;
    private ProxiedStore store;
    private HikariDataSource pool;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.create();
        store = ProxiedStore.of(db);
        pool = Database.open(new DatabaseSettings(store.url(), db.user(), "", 4, TIMEOUT_MS));
    }

    @AfterEach
    void close() throws Exception {
        if (pool != null) {
            pool.close();
        }
        store.close();
        db.close();
    }

    private void query() throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.executeQuery("SELECT 1").close();
        }
    }

    @Test
    void aCallerWaitsAtMostTheConnectionTimeoutAndTheFailureReadsAsStoreUnavailable() throws Exception {
        query();
        store.proxy().cut();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            SQLException failure = null;
            try {
                query();
            } catch (SQLException e) {
                failure = e;
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat((Throwable) failure).as("query %d during the outage", i).isNotNull();
            assertThat(StoreUnavailable.causedBy(new IllegalStateException("cannot store", failure))).as(failure.toString())
                    .isTrue();
            assertThat(ms).as("wait of query %d", i).isLessThan(TIMEOUT_MS + 1_500L);
        }
        assertThatThrownBy(this::query).isInstanceOf(SQLTransientConnectionException.class);
    }

    @Test
    void afterTheOutageThePoolHealsUnderASteadyStreamOfQueries() throws Exception {
        for (int i = 0; i < 8; i++) {
            query();
        }
        store.proxy().cut();
        long until = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
        int failed = 0;
        while (System.nanoTime() < until) {
            try {
                query();
            } catch (SQLException e) {
                failed++;
            }
        }
        assertThat(failed).isPositive();
        store.proxy().restore();
        long restored = System.nanoTime();
        long deadline = restored + Duration.ofSeconds(10).toNanos();
        int inARow = 0;
        while (inARow < 50) {
            assertThat(System.nanoTime()).as("50 queries in a row succeed within 10 s of the restore").isLessThan(deadline);
            try {
                query();
                inARow++;
            } catch (SQLException e) {
                inARow = 0;
            }
        }
    }

    @Test
    void aConnectionTimeoutBelowHikarisMinimumIsRefusedByName() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "sa", "", 1, 100))
                .isInstanceOf(BridgeException.class).hasMessageContaining("bridge.db.connection-timeout-ms");
    }
}
