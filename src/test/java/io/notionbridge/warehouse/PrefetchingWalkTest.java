package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.pagination.PageFetcher;
import io.notionbridge.notion.pagination.Paginator;
import org.junit.jupiter.api.Test;

/** The walk runs ahead of the writer on its own thread; pages arrive in order, errors after the pages before them. */
class PrefetchingWalkTest {

    /** A data source of {@code pages} pages of one result each; {@code failAt} (1-based request) throws. */
    private static PageFetcher source(int pages, int failAt, AtomicInteger requests) {
        return r -> {
            int n = requests.incrementAndGet();
            if (n == failAt) {
                throw new IllegalStateException("request " + n + " failed");
            }
            JsonNode c = r.body().get("start_cursor");
            int at = c == null ? 0 : Integer.parseInt(c.asText());
            ObjectNode page = NotionJson.object();
            page.putArray("results").addObject().put("object", "page").put("id", "p" + at);
            page.put("has_more", at + 1 < pages);
            page.put("next_cursor", at + 1 < pages ? String.valueOf(at + 1) : null);
            return page;
        };
    }

    private static Paginator paginator(PageFetcher f) {
        return Paginator.of(NotionRequest.query("ds", NotionJson.object()), f);
    }

    @Test
    void pagesArriveInOrderAndTheWalkRunsAhead() {
        AtomicInteger requests = new AtomicInteger();
        List<String> seen = new ArrayList<>();
        int[] aheadSeen = {0};
        PrefetchingWalk.run(paginator(source(6, -1, requests)), 2, "test-walk", page -> {
            if (seen.isEmpty()) {
                // while the first page is handled, the walker fetches the next ones
                Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
                while (requests.get() < 3 && Instant.now().isBefore(deadline)) {
                    LockSupport.parkNanos(1_000_000);
                }
                aheadSeen[0] = requests.get();
            }
            seen.add(page.results().get(0).path("id").asText());
        });
        assertThat(seen).containsExactly("p0", "p1", "p2", "p3", "p4", "p5");
        assertThat(aheadSeen[0]).as("requests made while page 1 was handled").isGreaterThanOrEqualTo(3);
    }

    @Test
    void anErrorOfTheWalkComesAfterThePagesBeforeIt() {
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> PrefetchingWalk.run(paginator(source(6, 3, new AtomicInteger())), 2, "test-walk",
                page -> seen.add(page.results().get(0).path("id").asText())))
                .isInstanceOf(IllegalStateException.class).hasMessage("request 3 failed");
        assertThat(seen).containsExactly("p0", "p1");
    }

    @Test
    void aFailingHandlerStopsTheWalk() {
        AtomicInteger requests = new AtomicInteger();
        assertThatThrownBy(() -> PrefetchingWalk.run(paginator(source(1000, -1, requests)), 2, "test-walk", page -> {
            throw new IllegalArgumentException("cannot write");
        })).hasMessage("cannot write");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        int last = -1;
        while (Instant.now().isBefore(deadline) && last != requests.get()) {
            last = requests.get();
            LockSupport.parkNanos(300_000_000);
        }
        assertThat(requests.get()).as("the walker stopped soon after").isLessThan(10);
    }
}
