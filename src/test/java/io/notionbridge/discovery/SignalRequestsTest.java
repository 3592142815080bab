package io.notionbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.notionbridge.notion.NotionClock;
import io.notionbridge.runtime.HttpProblem;
import io.notionbridge.runtime.IdempotencyKey;
import io.notionbridge.store.Migrations;
import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Signals sent with an Idempotency-Key: stored once, the first answer replayed, on H2 and on PostgreSQL in CI. */
@Tag("db")
class SignalRequestsTest {

    private static final IdempotencyKey KEY = new IdempotencyKey("batch-2026-11-23-0001");
    private static final Function<List<SignalStore.Stored>, IntakeAnswer> ANSWER = stored -> new IntakeAnswer(
            stored.stream().anyMatch(s -> !s.duplicate()) ? 201 : 200,
            Map.of("ids", stored.stream().map(SignalStore.Stored::id).toList()));

    private TestDatabase db;
    private SignalStore signals;
    private SignalRequests requests;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        new Migrations(db.dataSource()).migrate();
        signals = new SignalStore(db.dataSource());
        Clock clock = new NotionClock(() -> Clock.fixed(now.get(), ZoneOffset.UTC)); // moved by the tests
        requests = new SignalRequests(db.dataSource(), Duration.ofHours(24), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A signal without detected_at: each send gets the time it arrived, so only the key tells a resend. */
    private static List<SignalInput> sentAt(String at) {
        return List.of(DiscoveryStoreTest.input("domain:resent.io", "funding_post", "news", at));
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aResendWithTheSameKeyAndBodyGetsTheFirstAnswerAndStoresNothing() throws Exception {
        IntakeAnswer first = signals.insertOnce(sentAt("2026-11-23T10:00:00Z"), requests, KEY, "hash-a", ANSWER);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.replayed()).isFalse();

        now.set(now.get().plusSeconds(30));
        IntakeAnswer again = signals.insertOnce(sentAt("2026-11-23T10:00:30Z"), requests, KEY, "hash-a", ANSWER);

        assertThat(again.replayed()).isTrue();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().keySet()).containsExactly("ids");
        assertThat(again.body().get("ids")).hasToString(first.body().get("ids").toString());
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM signal_requests")).isEqualTo(1);

        IntakeAnswer withoutKey = signals.insertAll(sentAt("2026-11-23T10:00:30Z")).stream()
                .map(s -> new IntakeAnswer(s.duplicate() ? 200 : 201, Map.of())).findFirst().orElseThrow();
        assertThat(withoutKey.status()).as("the same resend without a key is a new signal").isEqualTo(201);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothing() throws Exception {
        signals.insertOnce(sentAt("2026-11-23T10:00:00Z"), requests, KEY, "hash-a", ANSWER);

        assertThatThrownBy(() -> signals.insertOnce(List.of(DiscoveryStoreTest.input("domain:other.io", "t", "s",
                "2026-11-23T10:00:00Z")), requests, KEY, "hash-b", ANSWER))
                .isInstanceOfSatisfying(HttpProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.code()).isEqualTo("idempotency_key_reused");
                    assertThat(p.getMessage()).contains(KEY.value()).contains("different request body");
                });
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(1);
    }

    @Test
    void anExpiredKeyIsANewRequestAndHousekeepingPrunesExpiredKeys() throws Exception {
        signals.insertOnce(sentAt("2026-11-23T10:00:00Z"), requests, KEY, "hash-a", ANSWER);
        signals.insertOnce(sentAt("2026-11-23T11:00:00Z"), requests, new IdempotencyKey("other"), "hash-o", ANSWER);
        now.set(now.get().plus(Duration.ofHours(24)).plusSeconds(1));

        IntakeAnswer later = signals.insertOnce(sentAt("2026-11-24T10:00:01Z"), requests, KEY, "hash-b", ANSWER);
        assertThat(later.replayed()).isFalse();
        assertThat(later.status()).isEqualTo(201);
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(3);

        assertThat(requests.prune(now.get())).as("the expired 'other' key").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM signal_requests")).isEqualTo(1);
    }

    @Test
    void concurrentSendsOfOneKeyStoreOnceAndAllGetTheSameAnswer() throws Exception {
        int rounds = 10;
        for (int round = 0; round < rounds; round++) {
            IdempotencyKey key = new IdempotencyKey("concurrent-" + round);
            String website = "domain:round" + round + ".io";
            String hash = "hash-" + round;
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<IntakeAnswer>> sends = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String at = "2026-11-23T10:00:0" + t + "Z";
                sends.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return signals.insertOnce(List.of(DiscoveryStoreTest.input(website, "funding_post", "news", at)),
                            requests, key, hash, ANSWER);
                }));
            }
            go.countDown();
            List<IntakeAnswer> answers = sends.stream().map(CompletableFuture::join).toList();

            assertThat(answers).as("round %s", key.value()).filteredOn(a -> !a.replayed()).hasSize(1);
            assertThat(answers).extracting(IntakeAnswer::status).containsOnly(201);
            assertThat(answers).extracting(a -> a.body().get("ids").toString())
                    .containsOnly(answers.get(0).body().get("ids").toString());
        }
        assertThat(count("SELECT COUNT(*) FROM signals")).as("one signal per key").isEqualTo(rounds);
    }
}
