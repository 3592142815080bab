package io.notionbridge.warehouse;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionUnavailableException;
import io.notionbridge.notion.pagination.PageFetcher;

/**
 * A {@link PageFetcher} for data source queries that answers Notion's 504 (or a timeout) — after the gateway's own
 * retries — by asking for the same page again with a smaller {@code page_size}: 100, 50, 25, then 10. The next page
 * goes back to the size the walk asked for, since the slow page is usually one with large pages in it. Other requests
 * and other errors pass through unchanged.
 */
public final class PageSizeFallback implements PageFetcher {

    /** The sizes tried after a 504, in order. */
    public static final List<Integer> SIZES = List.of(100, 50, 25, 10);

    private final PageFetcher delegate;
    private final AtomicInteger reductions = new AtomicInteger();

    public PageSizeFallback(PageFetcher delegate) {
        this.delegate = delegate;
    }

    @Override
    public JsonNode fetch(NotionRequest request) {
        NotionRequest current = request;
        while (true) {
            try {
                return delegate.fetch(current);
            } catch (NotionUnavailableException e) {
                Integer smaller = isQuery(current) && tooSlow(e) ? smaller(pageSize(current)) : null;
                if (smaller == null) {
                    throw e;
                }
                reductions.incrementAndGet();
                ObjectNode body = (ObjectNode) current.body().deepCopy();
                body.put("page_size", smaller);
                current = current.withBody(body);
            }
        }
    }

    /** How many times a page was asked for again with a smaller size. */
    public int reductions() {
        return reductions.get();
    }

    static boolean tooSlow(NotionUnavailableException e) {
        return e.status() == 504 || e.status() == 0 && "timeout".equals(e.code());
    }

    private static boolean isQuery(NotionRequest r) {
        return r.method() == NotionRequest.Method.POST && r.path().endsWith("/query") && r.body() != null
                && r.body().isObject();
    }

    private static int pageSize(NotionRequest r) {
        JsonNode size = r.body().get("page_size");
        return size != null && size.canConvertToInt() ? size.asInt() : 100;
    }

    /** The next size below {@code size}, or null when it is already the smallest. */
    static Integer smaller(int size) {
        for (int s : SIZES) {
            if (s < size) {
                return s;
            }
        }
        return null;
    }
}
