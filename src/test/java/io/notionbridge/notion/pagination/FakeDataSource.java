package io.notionbridge.notion.pagination;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;

/**
 * A data source query endpoint in memory: evaluates {@code and}/{@code or}, {@code created_time} timestamp filters
 * and {@code select equals}, pages with opaque cursors, and stops at {@code cap} results with
 * {@code request_status: incomplete} and {@code has_more: false}, as Notion does at 10,000.
 */
final class FakeDataSource implements PageFetcher {

    private final List<ObjectNode> pages = new ArrayList<>();
    private final int cap;
    final List<NotionRequest> requests = new ArrayList<>();

    FakeDataSource(int cap) {
        this.cap = cap;
    }

    FakeDataSource add(String id, Instant created, String kind) {
        ObjectNode p = NotionJson.object().put("object", "page").put("id", id).put("created_time", created.toString());
        p.putObject("properties").putObject("Kind").put("type", "select").putObject("select").put("name", kind);
        pages.add(p);
        return this;
    }

    @Override
    public JsonNode fetch(NotionRequest request) {
        requests.add(request);
        JsonNode body = request.body();
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode p : pages) {
            if (matches(p, body.get("filter"))) {
                matching.add(p);
            }
        }
        boolean capped = matching.size() > cap;
        if (capped) {
            matching = matching.subList(0, cap);
        }
        int offset = body.hasNonNull("start_cursor") ? Integer.parseInt(body.get("start_cursor").asText().substring(2)) : 0;
        int size = body.get("page_size").asInt();
        int end = Math.min(matching.size(), offset + size);
        ObjectNode response = NotionJson.object().put("object", "list");
        matching.subList(offset, end).forEach(response.putArray("results")::add);
        boolean hasMore = end < matching.size();
        response.put("next_cursor", hasMore ? "s:" + end : null);
        response.put("has_more", hasMore);
        response.put("type", "page_or_data_source");
        response.putObject("page_or_data_source");
        if (!hasMore) {
            ObjectNode status = response.putObject("request_status").put("type", capped ? "incomplete" : "complete");
            if (capped) {
                status.put("incomplete_reason", "query_result_limit_reached");
            }
        }
        return response;
    }

    private static boolean matches(JsonNode page, JsonNode filter) {
        if (filter == null || filter.isNull()) {
            return true;
        }
        if (filter.has("and")) {
            for (JsonNode f : filter.get("and")) {
                if (!matches(page, f)) {
                    return false;
                }
            }
            return true;
        }
        if (filter.has("or")) {
            for (JsonNode f : filter.get("or")) {
                if (matches(page, f)) {
                    return true;
                }
            }
            return false;
        }
        if ("created_time".equals(filter.path("timestamp").asText())) {
            Instant created = Instant.parse(page.get("created_time").asText());
            JsonNode c = filter.get("created_time");
            if (c.has("on_or_after")) {
                return !created.isBefore(Instant.parse(c.get("on_or_after").asText()));
            }
            return created.isBefore(Instant.parse(c.get("before").asText()));
        }
        String property = filter.get("property").asText();
        return page.path("properties").path(property).path("select").path("name").asText()
                .equals(filter.path("select").path("equals").asText());
    }
}
