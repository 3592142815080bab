package io.notionbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.sandbox.limit.RateLimitSettings;
import io.notionbridge.sandbox.limit.RateLimiter;
import io.notionbridge.sandbox.limit.TokenBucket;
import io.notionbridge.sandbox.limit.WindowBudget;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.NotionTime;
import io.notionbridge.sandbox.model.PageParent;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.model.SandboxIdentity;
import io.notionbridge.sandbox.query.CursorCodec;
import io.notionbridge.sandbox.query.FilterEvaluator;
import io.notionbridge.sandbox.query.PageSorter;
import io.notionbridge.sandbox.query.Paginator;
import io.notionbridge.sandbox.store.SandboxStore;
import io.notionbridge.sandbox.webhook.WebhookSigner;
import io.notionbridge.sandbox.write.DatabaseFactory;
import io.notionbridge.sandbox.write.PageService;
import io.notionbridge.sandbox.write.SchemaFactory;
import io.notionbridge.sandbox.write.SchemaValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's pure logic without HTTP: filters, sorts, cursors, rounding, validation, rate limit math, signatures. */
class SandboxLogicTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    SandboxStore store;
    PageService pages;
    DataSourceRecord ds;
    FilterEvaluator filters;

    @BeforeEach
    void setUp() {
        store = new SandboxStore(SandboxIdentity.DEFAULT);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        pages = new PageService(store, clock);
        SchemaFactory schemas = new SchemaFactory(id -> store.dataSource(id).map(d -> d.databaseId),
                id -> java.util.Optional.empty());
        JsonNode schema = SandboxClient.json("{\"Name\":{\"title\":{}},\"Notes\":{\"rich_text\":{}},"
                + "\"Score\":{\"number\":{}},\"Done\":{\"checkbox\":{}},\"Kind\":{\"select\":{\"options\":[{\"name\":\"b\"},"
                + "{\"name\":\"a\"}]}},\"State\":{\"status\":{}},\"Tags\":{\"multi_select\":{\"options\":[]}},"
                + "\"Due\":{\"date\":{}},\"Who\":{\"people\":{}},\"Link\":{\"relation\":{\"data_source_id\":"
                + "\"11111111-1111-1111-1111-111111111111\"}}}");
        new DatabaseFactory(store, schemas, clock).create(new DatabaseFactory.Spec("aaaaaaaa-0000-0000-0000-000000000001",
                "aaaaaaaa-0000-0000-0000-000000000002", PageParent.workspace(), null, null, false, null, schema), "u");
        ds = store.dataSource("aaaaaaaa-0000-0000-0000-000000000002").orElseThrow();
        filters = new FilterEvaluator(clock);
        add("Alpha", "{\"Score\":{\"number\":5},\"Done\":{\"checkbox\":true},\"Kind\":{\"select\":{\"name\":\"a\"}},"
                + "\"Tags\":{\"multi_select\":[{\"name\":\"x\"},{\"name\":\"y\"}]},\"Due\":{\"date\":{\"start\":\"2026-06-10\"}},"
                + "\"Notes\":{\"rich_text\":[{\"text\":{\"content\":\"Hello World\"}}]}}");
        add("Beta", "{\"Score\":{\"number\":10},\"Kind\":{\"select\":{\"name\":\"b\"}},\"State\":{\"status\":{\"name\":\"Done\"}},"
                + "\"Due\":{\"date\":{\"start\":\"2026-06-20T08:30:00Z\"}},\"Who\":{\"people\":[{\"id\":\""
                + "22222222-2222-2222-2222-222222222222\"}]}}");
        add("Gamma", "{\"Link\":{\"relation\":[{\"id\":\"33333333333333333333333333333333\"}]}}");
    }

    private void add(String name, String props) {
        com.fasterxml.jackson.databind.node.ObjectNode p = (com.fasterxml.jackson.databind.node.ObjectNode) SandboxClient.json(props);
        p.putObject("Name").set("title", Json.array().add(Json.object().set("text", Json.object().put("content", name))));
        pages.create(PageParent.dataSource(ds.id), p, null, null, store.bot(), false);
    }

    private List<String> match(String filter) {
        Predicate<PageRecord> f = filters.compile(SandboxClient.json(filter), ds);
        return store.pagesOf(ds.id).stream().filter(f).map(NotionSandbox::titleOf).toList();
    }

    @Test
    void textFilters() {
        assertEquals(List.of("Alpha"), match("{\"property\":\"Notes\",\"rich_text\":{\"contains\":\"hello\"}}"));
        assertEquals(List.of("Beta", "Gamma"), match("{\"property\":\"Notes\",\"rich_text\":{\"is_empty\":true}}"));
        assertEquals(List.of("Beta"), match("{\"property\":\"Name\",\"title\":{\"starts_with\":\"be\"}}"));
        assertEquals(List.of("Alpha", "Gamma"), match("{\"property\":\"Name\",\"rich_text\":{\"does_not_equal\":\"Beta\"}}"));
    }

    @Test
    void numberCheckboxSelectStatusMultiSelect() {
        assertEquals(List.of("Beta"), match("{\"property\":\"Score\",\"number\":{\"greater_than\":5}}"));
        assertEquals(List.of("Gamma"), match("{\"property\":\"Score\",\"number\":{\"is_empty\":true}}"));
        assertEquals(List.of("Beta", "Gamma"), match("{\"property\":\"Done\",\"checkbox\":{\"equals\":false}}"));
        assertEquals(List.of("Beta", "Gamma"), match("{\"property\":\"Kind\",\"select\":{\"does_not_equal\":\"a\"}}"));
        assertEquals(List.of("Beta"), match("{\"property\":\"State\",\"status\":{\"equals\":\"Done\"}}"));
        assertEquals(List.of("Alpha"), match("{\"property\":\"Tags\",\"multi_select\":{\"contains\":\"y\"}}"));
    }

    @Test
    void dateRelationPeopleAndTimestampFilters() {
        assertEquals(List.of("Alpha"), match("{\"property\":\"Due\",\"date\":{\"equals\":\"2026-06-10\"}}"));
        assertEquals(List.of("Beta"), match("{\"property\":\"Due\",\"date\":{\"after\":\"2026-06-20T08:00:00Z\"}}"));
        assertEquals(List.of("Beta"), match("{\"property\":\"Due\",\"date\":{\"next_week\":{}}}"));
        assertEquals(List.of("Alpha"), match("{\"property\":\"Due\",\"date\":{\"past_week\":{}}}"));
        assertEquals(List.of("Gamma"), match("{\"property\":\"Link\",\"relation\":{\"contains\":"
                + "\"33333333-3333-3333-3333-333333333333\"}}"));
        assertEquals(List.of("Beta"), match("{\"property\":\"Who\",\"people\":{\"contains\":"
                + "\"22222222222222222222222222222222\"}}"));
        assertEquals(3, match("{\"timestamp\":\"created_time\",\"created_time\":{\"on_or_after\":\"2026-06-15\"}}").size());
        assertEquals(0, match("{\"timestamp\":\"last_edited_time\",\"last_edited_time\":{\"before\":\"2026-06-15\"}}").size());
    }

    @Test
    void nestedAndOrTwoLevels() {
        assertEquals(List.of("Alpha", "Gamma"), match("{\"or\":[{\"property\":\"Done\",\"checkbox\":{\"equals\":true}},"
                + "{\"and\":[{\"property\":\"Score\",\"number\":{\"is_empty\":true}},{\"property\":\"Name\",\"title\":"
                + "{\"contains\":\"mm\"}}]}]}"));
        ApiError e = assertThrows(ApiError.class, () -> match("{\"and\":[{\"or\":[{\"and\":[]}]}]}"));
        assertEquals("validation_error", e.code());
    }

    @Test
    void filterOnUnknownPropertyOrWrongTypeFails() {
        assertThrows(ApiError.class, () -> match("{\"property\":\"Nope\",\"title\":{\"equals\":\"x\"}}"));
        assertThrows(ApiError.class, () -> match("{\"property\":\"Score\",\"select\":{\"equals\":\"x\"}}"));
    }

    @Test
    void sortsByPropertySelectOrderAndStableDefault() {
        List<String> byScoreDesc = store.pagesOf(ds.id).stream()
                .sorted(PageSorter.compile(SandboxClient.json("[{\"property\":\"Score\",\"direction\":\"descending\"}]"), ds))
                .map(NotionSandbox::titleOf).toList();
        assertEquals(List.of("Beta", "Alpha", "Gamma"), byScoreDesc, "empty values last");
        List<String> byKind = store.pagesOf(ds.id).stream()
                .sorted(PageSorter.compile(SandboxClient.json("[{\"property\":\"Kind\",\"direction\":\"ascending\"}]"), ds))
                .map(NotionSandbox::titleOf).toList();
        assertEquals(List.of("Beta", "Alpha", "Gamma"), byKind, "select sorts by option order (b before a)");
        List<String> byDefault = store.pagesOf(ds.id).stream().sorted(PageSorter.compile(null, ds))
                .map(NotionSandbox::titleOf).toList();
        assertEquals(List.of("Alpha", "Beta", "Gamma"), byDefault);
    }

    @Test
    void cursorsRoundTripAndRejectForeignOnes() {
        String c = CursorCodec.encode(200, "abc");
        assertEquals(200, CursorCodec.decode(c, "abc", "body"));
        assertThrows(ApiError.class, () -> CursorCodec.decode(c, "other", "body"));
        assertThrows(ApiError.class, () -> CursorCodec.decode("garbage!", "abc", "body"));
        Paginator.Slice<Integer> s = Paginator.slice(List.of(1, 2, 3, 4, 5), 2, null, "f", 4, "body");
        assertEquals(List.of(1, 2), s.results());
        Paginator.Slice<Integer> last = Paginator.slice(List.of(1, 2, 3, 4, 5), 2, s.nextCursor(), "f", 4, "body");
        assertEquals(List.of(3, 4), last.results());
        assertFalse(last.hasMore(), "the cap ends the walk");
        assertTrue(last.truncated(), "and says results were left out");
        assertEquals(null, last.nextCursor());
        Paginator.Slice<Integer> all = Paginator.slice(List.of(1, 2, 3), 5, null, "f", 4, "body");
        assertFalse(all.truncated());
    }

    @Test
    void minuteRoundingAndIds() {
        assertEquals("2026-07-04T09:09:00.000Z", NotionTime.format(NotionTime.toMinute(
                Instant.parse("2026-07-04T09:09:59.999Z"))));
        assertEquals("2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a10", NotionIds.normalize("2F1C6A570D434C8E9A517C1E0B6D4A10").orElseThrow());
        assertTrue(NotionIds.normalize("not-a-uuid").isEmpty());
        assertEquals(NotionIds.propertyId("x/Status"), NotionIds.propertyId("x/Status"), "stable property ids");
    }

    @Test
    void schemaValidationMessages() {
        ApiError unknown = assertThrows(ApiError.class, () -> SchemaValidator.validate(ds,
                SandboxClient.json("{\"Colour\":{\"select\":{\"name\":\"red\"}}}")));
        assertEquals("Colour is not a property that exists.", unknown.getMessage());
        ApiError type = assertThrows(ApiError.class, () -> SchemaValidator.validate(ds,
                SandboxClient.json("{\"Score\":{\"select\":{\"name\":\"red\"}}}")));
        assertEquals("Score is expected to be number.", type.getMessage());
        ApiError status = assertThrows(ApiError.class, () -> SchemaValidator.validate(ds,
                SandboxClient.json("{\"State\":{\"status\":{\"name\":\"Nope\"}}}")));
        assertEquals("Invalid status option. Status option \"Nope\" does not exist", status.getMessage());
        SchemaValidator.Result added = SchemaValidator.validate(ds, SandboxClient.json("{\"Kind\":{\"select\":{\"name\":\"c\"}}}"));
        assertEquals(2, ds.property("Kind").orElseThrow().path("select").path("options").size(), "applied only on request");
        added.applySchemaChanges();
        assertEquals(3, ds.property("Kind").orElseThrow().path("select").path("options").size());
        JsonNode reset = SchemaValidator.validate(ds, SandboxClient.json("{\"State\":{\"status\":null}}")).values()
                .values().iterator().next();
        assertEquals("Not started", reset.path("name").asText(), "a null status resets to the default option");
    }

    @Test
    void tokenBucketMath() {
        AtomicLong nanos = new AtomicLong();
        TokenBucket b = new TokenBucket(3, 5, nanos::get);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, b.tryAcquire());
        }
        assertEquals(1, b.tryAcquire(), "empty: wait a second (at least 1)");
        nanos.addAndGet(Duration.ofMillis(1000).toNanos());
        for (int i = 0; i < 3; i++) {
            assertEquals(0, b.tryAcquire(), "3 tokens per second came back");
        }
        assertTrue(b.tryAcquire() >= 1);
        TokenBucket slow = new TokenBucket(0.1, 1, nanos::get);
        assertEquals(0, slow.tryAcquire());
        assertEquals(10, slow.tryAcquire(), "at 0.1/s the next token is 10 s away");
    }

    @Test
    void windowBudgetMath() {
        AtomicLong nanos = new AtomicLong();
        WindowBudget w = new WindowBudget(2, 60, nanos::get);
        assertEquals(0, w.tryAcquire());
        nanos.addAndGet(Duration.ofSeconds(15).toNanos());
        assertEquals(0, w.tryAcquire());
        assertEquals(45, w.tryAcquire());
        nanos.addAndGet(Duration.ofSeconds(45).toNanos());
        assertEquals(0, w.tryAcquire(), "a new window");
        RateLimiter limiter = new RateLimiter(RateLimitSettings.off().withWorkspaceLimit(1, 300), nanos::get);
        assertTrue(limiter.check().isEmpty());
        ApiError e = limiter.check().orElseThrow();
        assertEquals(300, e.retryAfterSeconds());
        assertEquals("public_api_space_request_rate_limit", e.additionalData().get("rate_limit_reason"));
        assertEquals(RateLimitSettings.Mode.WINDOW, RateLimitSettings.parse("window:180").mode());
        assertEquals("average:3:10", RateLimitSettings.parse("average").describe());
    }

    @Test
    void signatureTestVectorFromTheDocs() {
        String token = "secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl";
        byte[] body = ("{\"verification_token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals("sha256=461e8cbcba8a75c3edd866f0e71280f5a85cbf21eff040ebd10fe266df38a735",
                WebhookSigner.sign(token, body));
        assertTrue(WebhookSigner.verify(token, body, "sha256=461e8cbcba8a75c3edd866f0e71280f5a85cbf21eff040ebd10fe266df38a735"));
        assertFalse(WebhookSigner.verify(token, body, "sha256=00"));
    }

    @Test
    void clockSetAdvanceFreeze() {
        SandboxClock c = new SandboxClock(Clock.fixed(NOW, ZoneOffset.UTC));
        c.advance(Duration.ofMinutes(5));
        assertEquals(NOW.plusSeconds(300), c.instant());
        c.freezeAt(Instant.parse("2030-01-01T00:00:00Z"));
        assertTrue(c.frozen());
        c.advance(Duration.ofSeconds(1));
        assertEquals(Instant.parse("2030-01-01T00:00:01Z"), c.instant());
        c.reset();
        assertEquals(NOW, c.instant());
    }
}
