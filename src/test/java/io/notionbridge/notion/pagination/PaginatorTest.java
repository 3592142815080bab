package io.notionbridge.notion.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.Fixtures;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import org.junit.jupiter.api.Test;

class PaginatorTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-07-04T09:30:15Z"), ZoneOffset.UTC);
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    private static final String KIND_A = "{\"property\":\"Kind\",\"select\":{\"equals\":\"A\"}}";

    private static NotionRequest query(String filter) {
        ObjectNode body = NotionJson.object();
        if (filter != null) {
            body.set("filter", Fixtures.parse(filter));
        }
        body.putArray("sorts").addObject().put("timestamp", "created_time").put("direction", "ascending");
        return NotionRequest.query("ds1", body);
    }

    /** {@code n} pages, one every {@code step}, alternating kind A and B. */
    private static FakeDataSource spread(FakeDataSource ds, int n, Duration step, String prefix) {
        for (int i = 0; i < n; i++) {
            ds.add(prefix + i, START.plus(step.multipliedBy(i)), i % 2 == 0 ? "A" : "B");
        }
        return ds;
    }

    private static List<String> ids(List<JsonNode> results) {
        return results.stream().map(r -> r.get("id").asText()).toList();
    }

    @Test
    void walks_every_page_with_size_100_and_opaque_cursors_in_the_body() {
        FakeDataSource ds = spread(new FakeDataSource(10_000), 250, Duration.ofHours(1), "p");
        List<ResultPage> seen = new ArrayList<>();
        PaginationSummary summary = Paginator.of(query(null), ds).forEachPage(seen::add);

        assertEquals(new PaginationSummary(3, 250, 0, 0), summary);
        assertFalse(summary.split());
        assertEquals(List.of(100, 100, 50), seen.stream().map(p -> p.results().size()).toList());
        assertEquals(List.of(1, 2, 3), seen.stream().map(ResultPage::number).toList());
        assertEquals("s:100", seen.get(0).nextCursor());
        assertTrue(seen.get(0).hasMore());
        assertNull(seen.get(2).nextCursor());
        assertNull(seen.get(0).window());
        assertFalse(ds.requests.get(0).body().has("start_cursor"));
        assertEquals("s:100", ds.requests.get(1).body().get("start_cursor").asText());
        assertEquals("s:200", ds.requests.get(2).body().get("start_cursor").asText());
        ds.requests.forEach(r -> {
            assertEquals(100, r.body().get("page_size").asInt());
            assertEquals("created_time", r.body().get("sorts").get(0).get("timestamp").asText(), "sorts kept");
            assertTrue(r.query().isEmpty(), "a POST carries the cursor in the body only");
        });
    }

    @Test
    void get_endpoints_carry_cursor_and_page_size_in_the_query_string() {
        List<NotionRequest> requests = new ArrayList<>();
        PageFetcher fetcher = r -> {
            requests.add(r);
            String cursor = r.query().containsKey("start_cursor") ? r.query().get("start_cursor").get(0) : null;
            return cursor == null ? list(List.of(block("b1")), "393abc1e-edcd-817b-900d-c75ec8d2f272")
                    : list(List.of(block("b2")), null);
        };
        List<JsonNode> all = Paginator.of(NotionRequest.get("/v1/blocks/page1/children"), fetcher).fetchAll();
        assertEquals(List.of("b1", "b2"), ids(all));
        assertEquals("page_size=100", requests.get(0).queryString());
        assertEquals("page_size=100&start_cursor=393abc1e-edcd-817b-900d-c75ec8d2f272", requests.get(1).queryString());
        assertNull(requests.get(1).body());
    }

    @Test
    void a_smaller_page_size_is_kept_and_a_larger_one_capped() {
        List<NotionRequest> requests = new ArrayList<>();
        PageFetcher once = r -> {
            requests.add(r);
            return list(List.of(), null);
        };
        Paginator.of(NotionRequest.get("/v1/blocks/b/children", Map.of("page_size", "2")), once).fetchAll();
        Paginator.of(NotionRequest.search(NotionJson.object().put("page_size", 500)), once).fetchAll();
        Paginator.of(NotionRequest.search(NotionJson.object().put("page_size", "x")), once).fetchAll();
        assertEquals(List.of("2"), requests.get(0).query().get("page_size"));
        assertEquals(100, requests.get(1).body().get("page_size").asInt());
        assertEquals(100, requests.get(2).body().get("page_size").asInt());
    }

    @Test
    void a_repeated_cursor_fails_loudly_naming_it_instead_of_looping() {
        Map<String, String> next = Map.of("", "A", "A", "B", "B", "A");
        List<String> asked = new ArrayList<>();
        PageFetcher cycling = r -> {
            String cursor = r.body().path("start_cursor").asText("");
            asked.add(cursor);
            return list(List.of(page("p" + asked.size())), next.get(cursor));
        };
        List<ResultPage> delivered = new ArrayList<>();
        NotionPaginationException e = assertThrows(NotionPaginationException.class,
                () -> Paginator.of(NotionRequest.search(null), cycling).forEachPage(delivered::add));
        assertEquals("A", e.cursor());
        assertTrue(e.getMessage().contains("cursor 'A' again after 3 page(s)"), e.getMessage());
        assertEquals(List.of("", "A", "B"), asked, "three requests, never a fourth");
        assertEquals(3, delivered.size(), "pages before the loop were delivered (and checkpointed)");

        PageFetcher stuck = r -> list(List.of(page("same")), "X");
        NotionPaginationException s = assertThrows(NotionPaginationException.class,
                () -> Paginator.of(NotionRequest.search(null), stuck).fetchAll());
        assertEquals("X", s.cursor());
    }

    @Test
    void a_resumed_walk_fails_when_notion_hands_back_the_starting_cursor() {
        PageFetcher back = r -> list(List.of(), "resume-here");
        assertThrows(NotionPaginationException.class,
                () -> Paginator.of(NotionRequest.search(null), back).startingAt("resume-here").fetchAll());
    }

    @Test
    void has_more_without_a_cursor_and_answers_without_results_fail() {
        PageFetcher noCursor = r -> list(List.of(page("p1")), null).put("has_more", true);
        NotionPaginationException e = assertThrows(NotionPaginationException.class,
                () -> Paginator.of(NotionRequest.search(null), noCursor).fetchAll());
        assertTrue(e.getMessage().contains("has_more on page 1 but gave no next_cursor"), e.getMessage());
        PageFetcher notAList = r -> Fixtures.json("users_me_bot.json");
        assertThrows(NotionPaginationException.class,
                () -> Paginator.of(NotionRequest.get("/v1/users/me"), notAList).fetchAll());
        assertThrows(NotionPaginationException.class,
                () -> Paginator.of(NotionRequest.get("/v1/users"), r -> null).fetchAll());
    }

    @Test
    void resumes_from_a_stored_cursor() {
        FakeDataSource ds = spread(new FakeDataSource(10_000), 250, Duration.ofHours(1), "p");
        List<JsonNode> rest = Paginator.of(query(null), ds).startingAt("s:200").fetchAll();
        assertEquals(50, rest.size());
        assertEquals("s:200", ds.requests.get(0).body().get("start_cursor").asText());
        FakeDataSource ds2 = spread(new FakeDataSource(10_000), 250, Duration.ofHours(1), "p");
        NotionRequest withCursor = NotionRequest.query("ds1", NotionJson.object().put("start_cursor", "s:100"));
        assertEquals(150, Paginator.of(withCursor, ds2).fetchAll().size(), "a start_cursor in the body is honoured");
    }

    @Test
    void the_same_object_is_delivered_once_but_property_items_are_not_deduplicated() {
        PageFetcher twice = r -> r.body().has("start_cursor") ? list(List.of(page("p1"), page("p2")), null)
                : list(List.of(page("p1")), "c2");
        List<ResultPage> pages = new ArrayList<>();
        PaginationSummary s = Paginator.of(NotionRequest.search(null), twice).forEachPage(pages::add);
        assertEquals(List.of("p2"), ids(pages.get(1).results()));
        assertEquals(1, s.duplicatesSkipped());
        assertEquals(2, s.results());

        JsonNode item = Fixtures.json("page_property_item_list_title.json").get("results").get(0);
        PageFetcher items = r -> r.query().containsKey("start_cursor") ? list(List.of(item), null)
                : list(List.of(item), "c2");
        assertEquals(2, Paginator.of(NotionRequest.get("/v1/pages/p/properties/title"), items).fetchAll().size());
    }

    @Test
    void a_capped_query_is_split_into_created_time_windows_and_nothing_is_dropped() {
        FakeDataSource ds = spread(new FakeDataSource(250), 1000, Duration.ofHours(40), "p");
        List<ResultPage> pages = new ArrayList<>();
        PaginationSummary s = Paginator.of(query(KIND_A), ds).withClock(NOW).forEachPage(pages::add);

        List<String> delivered = new ArrayList<>();
        pages.forEach(p -> delivered.addAll(ids(p.results())));
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 1000; i += 2) {
            expected.add("p" + i);
        }
        assertEquals(500, delivered.size(), "every kind-A page once");
        assertEquals(expected, new HashSet<>(delivered));
        assertTrue(s.split());
        assertTrue(s.windows() >= 2, "windows: " + s.windows());
        assertTrue(s.duplicatesSkipped() >= 250, "the 250 from the capped run came again in the windows");
        assertEquals(500, s.results());
        assertEquals(s.requests(), pages.size());
        assertTrue(pages.get(pages.size() - 1).window() != null);

        for (NotionRequest r : ds.requests.subList(0, 3)) {
            assertEquals(Fixtures.parse(KIND_A), r.body().get("filter"), "the first, capped walk: 100 + 100 + 50");
        }
        for (NotionRequest r : ds.requests.subList(3, ds.requests.size())) {
            JsonNode and = r.body().get("filter").get("and");
            assertEquals(3, and.size(), "caller's filter and two window conditions: " + and);
            assertEquals(Fixtures.parse(KIND_A), and.get(0));
            assertEquals("created_time", and.get(1).get("timestamp").asText());
            assertTrue(and.get(1).get("created_time").has("on_or_after"));
            assertTrue(and.get(2).get("created_time").has("before"));
            assertEquals(100, r.body().get("page_size").asInt());
            assertEquals("created_time", r.body().get("sorts").get(0).get("timestamp").asText());
        }
        JsonNode firstWindow = ds.requests.get(3).body().get("filter").get("and");
        assertEquals(Paginator.DEFAULT_EARLIEST.toString(), firstWindow.get(1).get("created_time").get("on_or_after")
                .asText());
        JsonNode lastWindow = ds.requests.get(ds.requests.size() - 1).body().get("filter").get("and");
        assertEquals("2026-07-05T09:30:00Z", lastWindow.get(2).get("created_time").get("before").asText(),
                "the last window ends a day past our clock, so clock skew cannot drop pages");
    }

    @Test
    void pages_stamped_later_than_our_clock_are_not_dropped_when_splitting() {
        FakeDataSource ds = spread(new FakeDataSource(250), 300, Duration.ofDays(5), "p");
        Instant ahead = NOW.instant().plus(Duration.ofMinutes(7));
        for (int i = 0; i < 10; i++) {
            ds.add("ahead" + i, ahead.plusSeconds(i), "A");
        }
        List<JsonNode> all = Paginator.of(query(null), ds).withClock(NOW).fetchAll();
        assertEquals(310, new HashSet<>(ids(all)).size(), "Notion's clock ahead of ours by 7 minutes loses nothing");
    }

    @Test
    void windows_are_halved_down_to_a_busy_minute() {
        FakeDataSource ds = spread(new FakeDataSource(250), 300, Duration.ofDays(5), "p");
        Instant busy = Instant.parse("2024-03-10T12:34:00Z");
        for (int i = 0; i < 200; i++) {
            ds.add("burst" + i, busy.plusSeconds(i % 60), "A");
        }
        List<JsonNode> all = Paginator.of(query(null), ds).withClock(NOW).fetchAll();
        assertEquals(500, all.size());
        assertEquals(500, new HashSet<>(ids(all)).size());
    }

    @Test
    void more_than_the_cap_in_one_minute_cannot_be_split_and_fails() {
        FakeDataSource ds = new FakeDataSource(250);
        Instant busy = Instant.parse("2024-03-10T12:34:00Z");
        for (int i = 0; i < 300; i++) {
            ds.add("burst" + i, busy.plusMillis(i), "A");
        }
        NotionPaginationException e = assertThrows(NotionPaginationException.class,
                () -> Paginator.of(query(null), ds).withClock(NOW).fetchAll());
        assertTrue(e.getMessage().contains("[2024-03-10T12:34:00Z, 2024-03-10T12:35:00Z)"), e.getMessage());
    }

    @Test
    void only_data_source_queries_can_be_split() {
        Function<NotionRequest, ObjectNode> capped = r -> {
            ObjectNode l = list(List.of(page("p1")), null);
            l.putObject("request_status").put("type", "incomplete");
            return l;
        };
        assertThrows(NotionPaginationException.class,
                () -> Paginator.of(NotionRequest.search(null), capped::apply).fetchAll());
        assertThrows(NotionPaginationException.class,
                () -> Paginator.of(NotionRequest.get("/v1/users"), capped::apply).fetchAll());
    }

    @Test
    void an_earliest_bound_at_now_leaves_nothing_to_split() {
        FakeDataSource ds = new FakeDataSource(1).add("a", NOW.instant(), "A").add("b", NOW.instant(), "A");
        assertThrows(NotionPaginationException.class, () -> Paginator.of(query(null), ds).withClock(NOW)
                .withEarliestCreatedTime(NOW.instant().minusSeconds(15)).fetchAll());
    }

    static ObjectNode list(List<JsonNode> results, String nextCursor) {
        ObjectNode l = NotionJson.object().put("object", "list");
        results.forEach(l.putArray("results")::add);
        l.put("next_cursor", nextCursor);
        l.put("has_more", nextCursor != null);
        return l;
    }

    static JsonNode page(String id) {
        return NotionJson.object().put("object", "page").put("id", id);
    }

    static JsonNode block(String id) {
        return NotionJson.object().put("object", "block").put("id", id);
    }
}
