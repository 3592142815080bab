package io.notionbridge.notion.pagination;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One page of a paginated walk.
 *
 * @param results    this page's results, without objects already delivered earlier in the same walk
 * @param response   Notion's whole list response (for {@code request_id}, {@code property_item} and the like)
 * @param nextCursor the cursor of the next page, null on the last page of a walk or window; store it to resume
 *                   with {@link Paginator#startingAt(String)} (only meaningful when {@code window} is null)
 * @param hasMore    Notion's {@code has_more}
 * @param number     1 for the first page of the whole walk, counting across windows
 * @param window     the {@code created_time} window being walked after the query hit the 10,000-result cap, or null
 */
public record ResultPage(List<JsonNode> results, JsonNode response, String nextCursor, boolean hasMore, int number,
                         CreatedTimeWindow window) {

    public ResultPage {
        results = List.copyOf(results);
    }
}
