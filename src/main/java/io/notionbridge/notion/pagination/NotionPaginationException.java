package io.notionbridge.notion.pagination;

/**
 * A paginated walk that cannot finish correctly: Notion returned a cursor it had already returned (a loop), said
 * {@code has_more} without a cursor, answered without {@code results}, or capped a query that cannot be split further.
 * Thrown instead of looping forever or silently returning part of the data.
 */
public class NotionPaginationException extends RuntimeException {

    private final String cursor;

    public NotionPaginationException(String message, String cursor) {
        super(message);
        this.cursor = cursor;
    }

    /** The cursor involved (the repeated one), or null. */
    public String cursor() {
        return cursor;
    }
}
