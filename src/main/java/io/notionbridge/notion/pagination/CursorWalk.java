package io.notionbridge.notion.pagination;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;

/**
 * One cursor walk of one request until {@code has_more} is false. Puts {@code start_cursor} and {@code page_size}
 * in the body of a POST and in the query string of a GET, and stops with {@link NotionPaginationException} when a
 * cursor comes back a second time or {@code has_more} comes without a cursor.
 */
final class CursorWalk {

    private final PageFetcher fetcher;
    private final NotionRequest request;
    private final int pageSize;

    CursorWalk(PageFetcher fetcher, NotionRequest request, int pageSize) {
        this.fetcher = fetcher;
        this.request = request;
        this.pageSize = pageSize;
    }

    /**
     * Walks from {@code startCursor} (null for the beginning), handing every response to {@code onResponse}.
     *
     * @return false when Notion marked the result incomplete ({@code request_status.type: incomplete})
     */
    boolean run(String startCursor, Consumer<JsonNode> onResponse) {
        Set<String> seen = new HashSet<>();
        String cursor = startCursor;
        if (cursor != null) {
            seen.add(cursor);
        }
        int pages = 0;
        while (true) {
            JsonNode response = fetcher.fetch(pageRequest(cursor));
            pages++;
            if (response == null || !response.path("results").isArray()) {
                throw new NotionPaginationException(request.endpoint() + " answered page " + pages
                        + " without a results array; not a paginated list", cursor);
            }
            boolean hasMore = response.path("has_more").asBoolean(false);
            String next = text(response.get("next_cursor"));
            boolean incomplete = "incomplete".equals(response.path("request_status").path("type").asText());
            onResponse.accept(response);
            if (!hasMore) {
                return !incomplete;
            }
            if (next == null) {
                throw new NotionPaginationException(request.endpoint() + " said has_more on page " + pages
                        + " but gave no next_cursor; stopping rather than returning part of the list", cursor);
            }
            if (!seen.add(next)) {
                throw new NotionPaginationException(request.endpoint() + " returned cursor '" + next
                        + "' again after " + pages + " page(s); stopping instead of looping", next);
            }
            cursor = next;
        }
    }

    NotionRequest pageRequest(String cursor) {
        if (request.method() == NotionRequest.Method.GET) {
            NotionRequest r = request.withQueryParam("page_size", String.valueOf(pageSize));
            if (cursor == null) {
                return r.withoutQueryParam("start_cursor");
            }
            return r.withQueryParam("start_cursor", cursor);
        }
        ObjectNode body = request.body() != null && request.body().isObject()
                ? (ObjectNode) request.body().deepCopy() : NotionJson.object();
        body.put("page_size", pageSize);
        if (cursor == null) {
            body.remove("start_cursor");
        } else {
            body.put("start_cursor", cursor);
        }
        return request.withBody(body);
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }
}
