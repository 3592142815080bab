package io.notionbridge.notion.pagination;

/** Receives each page of results as it arrives, so the caller can store it and checkpoint before the next one. */
@FunctionalInterface
public interface PageHandler {
    void onPage(ResultPage page);
}
