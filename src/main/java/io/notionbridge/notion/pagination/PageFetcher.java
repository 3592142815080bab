package io.notionbridge.notion.pagination;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionRequest;

/**
 * Sends one page request and returns Notion's parsed list response ({@code object: list}, {@code results},
 * {@code next_cursor}, {@code has_more}, optional {@code request_status}). In the runtime this is a call through the
 * gateway route; in tests a lambda. Errors are thrown, not returned.
 */
@FunctionalInterface
public interface PageFetcher {
    JsonNode fetch(NotionRequest request);
}
