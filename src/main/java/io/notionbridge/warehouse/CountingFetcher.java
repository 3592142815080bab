package io.notionbridge.warehouse;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.pagination.PageFetcher;

/**
 * Counts the Notion requests one sync sends through the gateway (answered or not). The gateway's own repeats of a
 * request after a 429 or a 5xx are not counted again; see the gateway metrics for those.
 */
final class CountingFetcher implements PageFetcher {

    private final PageFetcher delegate;
    private final AtomicInteger count = new AtomicInteger();

    CountingFetcher(PageFetcher delegate) {
        this.delegate = delegate;
    }

    @Override
    public JsonNode fetch(NotionRequest request) {
        count.incrementAndGet();
        return delegate.fetch(request);
    }

    int count() {
        return count.get();
    }
}
