package io.notionbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.notionbridge.store.Migrations;
import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The discovery tables (signals, signal_processing, push_intents, suppression_cache) on H2, and on PostgreSQL in CI. */
@Tag("db")
class DiscoveryStoreTest {

    private TestDatabase db;
    private SignalStore signals;
    private PushIntents intents;
    private SuppressionEntries cache;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        new Migrations(db.dataSource()).migrate();
        signals = new SignalStore(db.dataSource());
        intents = new PushIntents(db.dataSource());
        cache = new SuppressionEntries(db.dataSource(), Duration.ofHours(24), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static SignalInput input(String key, String type, String source, String at) {
        return new SignalInput(key, "strong", type, source, "Co", new BigDecimal("0.50000"), Instant.parse(at), "{\"a\":1}",
                "{}");
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void insertsAllWithPendingRowsAndRecognisesStoredSignals() throws Exception {
        List<SignalStore.Stored> first = signals.insertAll(List.of(
                input("domain:a.io", "t", "s", "2026-07-01T00:00:00.123456Z"),
                input("domain:a.io", "t", "s", "2026-07-02T00:00:00Z"),
                input("domain:b.io", "t", "s", "2026-07-01T00:00:00Z")));
        assertThat(first).extracting(SignalStore.Stored::duplicate).containsExactly(false, false, false);
        assertThat(first).extracting(SignalStore.Stored::id).doesNotHaveDuplicates();

        List<SignalStore.Stored> again = signals.insertAll(List.of(
                input("domain:a.io", "t", "s", "2026-07-01T00:00:00.123456Z"),
                input("domain:a.io", "t", "other", "2026-07-01T00:00:00.123456Z")));
        assertThat(again.get(0)).isEqualTo(new SignalStore.Stored(first.get(0).id(), true));
        assertThat(again.get(1).duplicate()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM signal_processing WHERE state = 'pending'")).isEqualTo(4);
        assertThat(signals.isEmpty()).isFalse();
    }

    @Test
    void concurrentRequestsWithTheSameSignalStoreItOnce() throws Exception {
        List<SignalInput> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(input("domain:k" + i + ".io", "t", "s", "2026-07-01T00:00:00Z"));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<List<SignalStore.Stored>>> runs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return signals.insertAll(batch);
            }));
        }
        go.countDown();
        long stored = 0;
        for (CompletableFuture<List<SignalStore.Stored>> r : runs) {
            stored += r.join().stream().filter(s -> !s.duplicate()).count();
        }
        assertThat(stored).isEqualTo(50);
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(50);
        assertThat(count("SELECT COUNT(*) FROM signal_processing")).isEqualTo(50);
    }

    @Test
    void pendingKeysNewestFirstAndEverySignalOfThem() {
        List<SignalStore.Stored> s = signals.insertAll(List.of(
                input("domain:a.io", "t", "s", "2026-07-01T00:00:00Z"),
                input("domain:b.io", "t", "s", "2026-07-01T00:00:00Z"),
                input("domain:a.io", "u", "s", "2026-06-01T00:00:00Z"),
                input("domain:c.io", "t", "s", "2026-07-01T00:00:00Z")));
        signals.markPushed(List.of(s.get(0).id()), "page-a", "{}");
        signals.markRejected(List.of(s.get(3).id()), "hard kill", "{}");

        assertThat(signals.pendingKeys(10, null)).containsExactly("domain:a.io", "domain:b.io");
        assertThat(signals.pendingKeys(1, null)).containsExactly("domain:a.io");
        assertThat(signals.pendingKeys(10, "domain:b.io")).containsExactly("domain:b.io");
        assertThat(signals.pendingKeys(10, "domain:c.io")).isEmpty();

        List<StoredSignal> loaded = signals.signalsOf(List.of("domain:a.io", "domain:b.io"));
        assertThat(loaded).extracting(StoredSignal::canonicalKey, StoredSignal::signalType, StoredSignal::state,
                StoredSignal::keySignalCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("domain:a.io", "u", "pending", 2),
                org.assertj.core.groups.Tuple.tuple("domain:a.io", "t", "pushed", 2),
                org.assertj.core.groups.Tuple.tuple("domain:b.io", "t", "pending", 1));
        assertThat(loaded.get(0).confidence()).isEqualTo(0.5);
        assertThat(loaded.get(0).rawData()).isEqualTo("{\"a\":1}");
        assertThat(signals.markPushed(List.of(s.get(0).id(), s.get(2).id()), "page-a", "{}"))
                .as("only pending signals change").isEqualTo(1);
    }

    @Test
    void intentsGoFromSendingToCreatedOrUnresolved() {
        assertThat(intents.find("domain:a.io")).isEmpty();
        intents.sending("domain:a.io");
        assertThat(intents.find("domain:a.io")).hasValueSatisfying(i -> {
            assertThat(i.state()).isEqualTo("sending");
            assertThat(i.attempts()).isEqualTo(1);
            assertThat(i.unresolved()).isTrue();
        });
        intents.unknown("domain:a.io", "503 service_unavailable");
        assertThat(intents.find("domain:a.io").orElseThrow().lastError()).isEqualTo("503 service_unavailable");
        intents.sending("domain:a.io");
        intents.created("domain:a.io", "page-1");
        PushIntents.Intent done = intents.find("domain:a.io").orElseThrow();
        assertThat(done.state()).isEqualTo("created");
        assertThat(done.pageId()).isEqualTo("page-1");
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.unresolved()).isFalse();

        intents.created("domain:found.io", "page-2");
        assertThat(intents.find("domain:found.io").orElseThrow().attempts()).as("adopted, never sent").isZero();
        intents.failed("domain:found.io", "400");
        assertThat(intents.find("domain:found.io").orElseThrow().unresolved()).isTrue();
        intents.remove("domain:found.io");
        assertThat(intents.find("domain:found.io")).isEmpty();
    }

    @Test
    void theCacheIgnoresExpiredRowsAndKeepsOtherMetadataOnUpsert() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO suppression_cache (canonical_key, key_strength, notion_page_id, status, cached_at, expires_at, metadata) "
                    + "VALUES ('domain:a.io', 'strong', 'p1', 'Qualified', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1' DAY, "
                    + "'{\"owner\":\"sync\"}')");
            st.executeUpdate("INSERT INTO suppression_cache (canonical_key, key_strength, notion_page_id, cached_at, expires_at) "
                    + "VALUES ('domain:old.io', 'strong', 'p2', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP - INTERVAL '1' DAY)");
        }
        assertThat(cache.find(List.of("domain:a.io", "domain:old.io", "domain:none.io")).keySet()).containsExactly("domain:a.io");
        assertThat(cache.find("domain:a.io").orElseThrow().signalTypes()).isEmpty();

        cache.upsert("domain:a.io", "strong", "p1", null, "A", Instant.parse("2026-07-01T00:00:00Z"), List.of("x", "y"));
        SuppressionEntries.Entry a = cache.find("domain:a.io").orElseThrow();
        assertThat(a.status()).as("kept when not given").isEqualTo("Qualified");
        assertThat(a.companyName()).isEqualTo("A");
        assertThat(a.signalTypes()).hasValue(List.of("x", "y"));
        assertThat(count("SELECT COUNT(*) FROM suppression_cache WHERE metadata LIKE '%\"owner\":\"sync\"%'")).isEqualTo(1);

        cache.upsert("domain:old.io", "strong", "p3", "Source", "Old", null, List.of());
        assertThat(cache.find("domain:old.io")).as("refreshed, so unexpired again").hasValueSatisfying(e ->
                assertThat(e.pageId()).isEqualTo("p3"));
        cache.upsert("domain:new.io", "weak", "p4", "Tracking", "New", null, List.of("z"));
        assertThat(cache.find("domain:new.io").orElseThrow().status()).isEqualTo("Tracking");
        cache.remove("domain:new.io");
        assertThat(cache.find("domain:new.io")).isEmpty();
    }

    @Test
    void theCacheExpiresRowsItWroteAfterItsTtl() {
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(25)), ZoneOffset.UTC);
        cache.upsert("domain:a.io", "strong", "p1", "Source", "A", null, List.of());
        assertThat(new SuppressionEntries(db.dataSource(), Duration.ofHours(24), later).find("domain:a.io")).isEmpty();
    }
}
