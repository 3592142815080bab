package io.notionbridge.notion.pagination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;

/**
 * Walks a paginated Notion list to the end, page by page:
 * <ul>
 *   <li>cursors are opaque; {@code start_cursor}/{@code page_size} go in the body of a POST (query, search) and in
 *       the query string of a GET (block children, page property items, users, comments);</li>
 *   <li>page size 100 (or the caller's smaller {@code page_size});</li>
 *   <li>stops when {@code has_more} is false; a cursor seen twice ends the walk with
 *       {@link NotionPaginationException} instead of a loop;</li>
 *   <li>when a data-source query comes back {@code request_status: incomplete} (Notion's 10,000-result cap), the
 *       query is run again in {@code created_time} windows (the caller's filter {@code and} the window), each window
 *       halved until it completes, so nothing is dropped;</li>
 *   <li>an object (same {@code object} and {@code id}) is delivered once per walk, across pages and windows.</li>
 * </ul>
 * The ids delivered are kept in memory for the walk (about 100 bytes each).
 */
public final class Paginator {

    /** Notion's largest (and default) page size. */
    public static final int MAX_PAGE_SIZE = 100;

    /** How far past our own clock the last created_time window reaches. */
    static final Duration CLOCK_SKEW_MARGIN = Duration.ofDays(1);

    /** Lower bound for {@code created_time} windows: no Notion page is older. */
    public static final Instant DEFAULT_EARLIEST = Instant.parse("2013-01-01T00:00:00Z");

    private final NotionRequest request;
    private final PageFetcher fetcher;
    private final Clock clock;
    private final Instant earliest;
    private final String startCursor;

    private Paginator(NotionRequest request, PageFetcher fetcher, Clock clock, Instant earliest, String startCursor) {
        this.request = Objects.requireNonNull(request, "request");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = clock;
        this.earliest = earliest;
        this.startCursor = startCursor;
    }

    /** A walk of {@code request} (a GET, a query or a search) through {@code fetcher}. */
    public static Paginator of(NotionRequest request, PageFetcher fetcher) {
        return new Paginator(request, fetcher, Clock.systemUTC(), DEFAULT_EARLIEST, null);
    }

    /** Clock for the upper end of {@code created_time} windows. */
    public Paginator withClock(Clock c) {
        return new Paginator(request, fetcher, c, earliest, startCursor);
    }

    /** Lower end of {@code created_time} windows (default {@link #DEFAULT_EARLIEST}). */
    public Paginator withEarliestCreatedTime(Instant e) {
        return new Paginator(request, fetcher, clock, e, startCursor);
    }

    /** Resume from a cursor a previous walk stored (see {@link ResultPage#nextCursor()}). */
    public Paginator startingAt(String cursor) {
        return new Paginator(request, fetcher, clock, earliest, cursor);
    }

    /** Walks every page, calling {@code handler} once per page in order. */
    public PaginationSummary forEachPage(PageHandler handler) {
        Walk walk = new Walk(handler);
        if (walk.run(request, firstCursor(), null)) {
            return walk.summary();
        }
        if (!splittableQuery()) {
            throw new NotionPaginationException(request.endpoint() + " stopped at Notion's result cap"
                    + " (request_status incomplete) and only data-source queries can be split by created_time", null);
        }
        // a day past our clock: a page Notion stamped later than our clock says (clock skew) must not fall outside
        Instant until = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(CLOCK_SKEW_MARGIN);
        Deque<CreatedTimeWindow> todo = new ArrayDeque<>();
        splitInto(todo, new CreatedTimeWindow(earliest, until));
        while (!todo.isEmpty()) {
            CreatedTimeWindow w = todo.pop();
            if (!walk.run(windowed(w), null, w)) {
                splitInto(todo, w);
            }
        }
        return walk.summary();
    }

    /** Every result of the walk in one list (for small lists; use {@link #forEachPage} to stream). */
    public List<JsonNode> fetchAll() {
        List<JsonNode> all = new ArrayList<>();
        forEachPage(p -> all.addAll(p.results()));
        return all;
    }

    /** Puts the halves of a capped window on the stack, earlier half on top. */
    private void splitInto(Deque<CreatedTimeWindow> todo, CreatedTimeWindow capped) {
        if (!capped.splittable()) {
            throw new NotionPaginationException(request.endpoint() + " still hits Notion's result cap in the"
                    + " created_time window " + capped + ", which is too short to split further", null);
        }
        List<CreatedTimeWindow> halves = capped.halves();
        todo.push(halves.get(1));
        todo.push(halves.get(0));
    }

    private boolean splittableQuery() {
        return request.method() == NotionRequest.Method.POST && request.path().endsWith("/query");
    }

    private NotionRequest windowed(CreatedTimeWindow w) {
        ObjectNode body = request.body() != null && request.body().isObject()
                ? (ObjectNode) request.body().deepCopy() : NotionJson.object();
        body.set("filter", w.filter(body.get("filter")));
        body.remove("start_cursor");
        return request.withBody(body);
    }

    private String firstCursor() {
        if (startCursor != null) {
            return startCursor;
        }
        if (request.method() == NotionRequest.Method.GET) {
            List<String> q = request.query().get("start_cursor");
            return q == null || q.isEmpty() ? null : q.get(0);
        }
        return request.body() == null ? null : CursorWalk.text(request.body().get("start_cursor"));
    }

    /** The caller's {@code page_size} when it is 1 to 100, else 100. */
    private int pageSize() {
        String size = null;
        if (request.method() == NotionRequest.Method.GET) {
            List<String> q = request.query().get("page_size");
            size = q == null || q.isEmpty() ? null : q.get(0);
        } else if (request.body() != null) {
            size = CursorWalk.text(request.body().get("page_size"));
        }
        try {
            int n = size == null ? MAX_PAGE_SIZE : Integer.parseInt(size.trim());
            return n >= 1 && n <= MAX_PAGE_SIZE ? n : MAX_PAGE_SIZE;
        } catch (NumberFormatException notANumber) {
            return MAX_PAGE_SIZE;
        }
    }

    /** The state of one {@link #forEachPage} call: dedupe set and counters. */
    private final class Walk {
        private final PageHandler handler;
        private final Set<String> delivered = new HashSet<>();
        private int requests;
        private long results;
        private long duplicates;
        private int windows;

        Walk(PageHandler handler) {
            this.handler = handler;
        }

        boolean run(NotionRequest r, String cursor, CreatedTimeWindow window) {
            if (window != null) {
                windows++;
            }
            return new CursorWalk(fetcher, r, pageSize()).run(cursor, response -> deliver(response, window));
        }

        private void deliver(JsonNode response, CreatedTimeWindow window) {
            requests++;
            List<JsonNode> fresh = new ArrayList<>();
            for (JsonNode result : response.get("results")) {
                String key = dedupeKey(result);
                if (key != null && !delivered.add(key)) {
                    duplicates++;
                } else {
                    fresh.add(result);
                }
            }
            results += fresh.size();
            boolean hasMore = response.path("has_more").asBoolean(false);
            handler.onPage(new ResultPage(fresh, response, hasMore ? CursorWalk.text(response.get("next_cursor"))
                    : null, hasMore, requests, window));
        }

        PaginationSummary summary() {
            return new PaginationSummary(requests, results, duplicates, windows);
        }
    }

    /** {@code object:id} for objects with their own identity; null for property items (they share the property id). */
    private static String dedupeKey(JsonNode result) {
        String object = result.path("object").asText("");
        String id = result.path("id").asText("");
        if (id.isEmpty() || object.equals("property_item")) {
            return null;
        }
        return object + ":" + id;
    }
}
