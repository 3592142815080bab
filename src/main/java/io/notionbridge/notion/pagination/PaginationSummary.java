package io.notionbridge.notion.pagination;

/**
 * What a finished walk did.
 *
 * @param requests          list requests sent
 * @param results           results delivered to the handler
 * @param duplicatesSkipped results not delivered because the same object was delivered earlier in the walk
 * @param windows           {@code created_time} windows walked after the 10,000-result cap (0 when not split)
 */
public record PaginationSummary(int requests, long results, long duplicatesSkipped, int windows) {

    /** True when the query hit Notion's 10,000-result cap and was completed by windows. */
    public boolean split() {
        return windows > 0;
    }
}
