package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionErrorDetails;
import io.notionbridge.notion.error.NotionUnavailableException;
import io.notionbridge.notion.pagination.Paginator;
import org.junit.jupiter.api.Test;

/** A 504 on a query page asks for the same page again with 50, 25, then 10 results, and goes back to 100 after. */
class PageSizeFallbackTest {

    private static NotionUnavailableException status(int status, String code) {
        return new NotionUnavailableException(new NotionErrorDetails(status, code, "test", null, null, "POST /v1/x"));
    }

    @Test
    void smallerPagesAfterA504ThenBackTo100() {
        List<Integer> sizes = new ArrayList<>();
        int[] served = {0};
        Paginator.of(NotionRequest.query("ds", NotionJson.object()), new PageSizeFallback(r -> {
            int size = r.body().path("page_size").asInt();
            sizes.add(size);
            if (sizes.size() <= 2) {
                throw status(504, "gateway_timeout");
            }
            int n = Math.min(size, 130 - served[0]);
            served[0] += n;
            var page = NotionJson.object();
            var results = page.putArray("results");
            for (int i = 0; i < n; i++) {
                results.addObject().put("object", "page").put("id", "p" + (served[0] - n + i));
            }
            page.put("has_more", served[0] < 130);
            page.put("next_cursor", served[0] < 130 ? "c" + served[0] : null);
            return page;
        })).fetchAll();
        assertThat(sizes).containsExactly(100, 50, 25, 100, 100);
    }

    @Test
    void givesUpBelowTenAndLeavesOtherErrorsAlone() {
        List<Integer> sizes = new ArrayList<>();
        PageSizeFallback f = new PageSizeFallback(r -> {
            sizes.add(r.body().path("page_size").asInt(100));
            throw status(504, "gateway_timeout");
        });
        assertThatThrownBy(() -> f.fetch(NotionRequest.query("ds", NotionJson.object().put("page_size", 100))))
                .isInstanceOf(NotionUnavailableException.class);
        assertThat(sizes).containsExactly(100, 50, 25, 10);
        assertThat(f.reductions()).isEqualTo(3);

        List<Integer> calls = new ArrayList<>();
        PageSizeFallback other = new PageSizeFallback(r -> {
            calls.add(1);
            throw status(503, "service_unavailable");
        });
        assertThatThrownBy(() -> other.fetch(NotionRequest.query("ds", NotionJson.object()))).isInstanceOf(NotionUnavailableException.class);
        assertThat(calls).hasSize(1);
        PageSizeFallback get = new PageSizeFallback(r -> {
            throw status(504, "gateway_timeout");
        });
        assertThatThrownBy(() -> get.fetch(NotionRequest.get("/v1/pages/x"))).isInstanceOf(NotionUnavailableException.class);
        assertThat(get.reductions()).as("only queries have a page size to shrink").isZero();
    }

    @Test
    void aTimeoutWithoutAnswerCountsAsSlow() {
        JsonNode ok = NotionJson.object().put("object", "list");
        int[] n = {0};
        PageSizeFallback f = new PageSizeFallback(r -> {
            if (n[0]++ == 0) {
                throw NotionUnavailableException.noResponse(r, "timeout", null);
            }
            return ok;
        });
        assertThat(f.fetch(NotionRequest.query("ds", NotionJson.object()))).isSameAs(ok);
        assertThat(f.reductions()).isEqualTo(1);
    }
}
