package io.notionbridge.sandbox.query;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.sandbox.model.ApiError;

/**
 * Cuts one page out of a result list: {@code page_size} (1–100, default 100), an opaque {@code start_cursor},
 * {@code has_more}/{@code next_cursor}, and an optional cap on the total (the 10,000-result limit of queries), past
 * which {@code has_more} is false and the slice is marked incomplete.
 */
public final class Paginator {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int QUERY_RESULT_LIMIT = 10_000;

    /** One page of results. {@code truncated} is true when the cap hid further results. */
    public record Slice<T>(List<T> results, String nextCursor, boolean hasMore, boolean truncated) {
    }

    private Paginator() {
    }

    /** Reads and checks {@code page_size}; {@code where} is "body" or "query" for the error message. */
    public static int pageSize(JsonNode value, String where) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return MAX_PAGE_SIZE;
        }
        int size;
        if (value.isInt()) {
            size = value.asInt();
        } else if (value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
            size = Integer.parseInt(value.asText());
        } else {
            throw ApiError.validation(where + " failed validation: " + where + ".page_size should be a number, instead was `"
                    + value.asText() + "`.");
        }
        if (size > MAX_PAGE_SIZE) {
            throw ApiError.validation(where + " failed validation: " + where + ".page_size should be ≤ " + MAX_PAGE_SIZE
                    + ", instead was " + size + ".");
        }
        if (size < 1) {
            throw ApiError.validation(where + " failed validation: " + where + ".page_size should be ≥ 1, instead was "
                    + size + ".");
        }
        return size;
    }

    public static <T> Slice<T> slice(List<T> all, int pageSize, String startCursor, String fingerprint, int cap,
                                     String where) {
        int offset = startCursor == null || startCursor.isEmpty() ? 0 : CursorCodec.decode(startCursor, fingerprint, where);
        int limit = Math.min(all.size(), cap);
        int from = Math.min(offset, limit);
        int to = Math.min(from + pageSize, limit);
        boolean hasMore = to < limit;
        boolean truncated = !hasMore && all.size() > cap && to >= cap;
        return new Slice<>(List.copyOf(all.subList(from, to)), hasMore ? CursorCodec.encode(to, fingerprint) : null,
                hasMore, truncated);
    }
}
