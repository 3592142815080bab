package io.notionbridge.sandbox.http;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.DatabaseRecord;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionVersion;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.query.CursorCodec;
import io.notionbridge.sandbox.query.PageSorter;
import io.notionbridge.sandbox.query.Paginator;

/**
 * Queries: {@code POST /v1/data_sources/{id}/query} (2025-09-03 and later) and the 2022-06-28
 * {@code POST /v1/databases/{id}/query}. Filters, sorts, {@code page_size} ≤ 100, opaque cursors, trashed pages
 * only with {@code in_trash:true}, {@code filter_properties}, and the 10,000-result cap with {@code request_status}.
 */
final class QueryApi {

    private static final Set<String> BODY_KEYS = Set.of("filter", "sorts", "start_cursor", "page_size", "in_trash",
            "archived", "result_type");

    private final SandboxServices s;

    QueryApi(SandboxServices services) {
        this.s = services;
    }

    void register(ApiRoutes routes) {
        routes.post("/v1/data_sources/:id/query", r -> {
            String id = r.id("id", "data_source_id");
            DataSourceRecord ds = s.store().dataSource(id).orElseThrow(() -> notFound("data source", id));
            return query(ds, r);
        });
        routes.post("/v1/databases/:id/query", r -> {
            if (r.version().dataSources()) {
                throw ApiError.invalidRequestUrl();
            }
            String id = r.id("id", "database_id");
            DatabaseRecord db = s.store().database(id).orElseThrow(() -> notFound("database", id));
            if (db.dataSourceIds.size() != 1) {
                throw ApiError.validation("Databases with multiple data sources are not supported in this API version.");
            }
            return query(s.store().dataSource(db.dataSourceIds.get(0)).orElseThrow(), r);
        });
    }

    private ObjectNode query(DataSourceRecord ds, ApiRequest r) {
        ObjectNode body = r.body();
        r.allowOnly(BODY_KEYS);
        if (body.has("archived") && r.version() == NotionVersion.V2026_03_11) {
            throw ApiError.validation("body failed validation: body.archived should be not present, instead was `"
                    + Json.write(body.get("archived")) + "`.");
        }
        int pageSize = Paginator.pageSize(body.get("page_size"), "body");
        boolean trashed = body.path("in_trash").asBoolean(false) || body.path("archived").asBoolean(false);
        Set<String> only = filterProperties(r);
        List<PageRecord> matches;
        synchronized (s.store()) {
            Predicate<PageRecord> filter = s.filters().compile(body.get("filter"), ds);
            Comparator<PageRecord> order = PageSorter.compile(body.get("sorts"), ds);
            matches = s.store().pagesOf(ds.id).stream()
                    .filter(p -> p.inTrash == trashed)
                    .filter(filter)
                    .sorted(order)
                    .toList();
        }
        String fingerprint = CursorCodec.fingerprint("query|" + ds.id + "|" + trashed + "|"
                + Json.write(body.path("filter")) + "|" + Json.write(body.path("sorts")));
        JsonNode cursor = body.get("start_cursor");
        Paginator.Slice<PageRecord> slice = Paginator.slice(matches, pageSize,
                cursor == null || cursor.isNull() ? null : cursor.asText(), fingerprint, Paginator.QUERY_RESULT_LIMIT,
                "body");
        ObjectNode out = ListEnvelope.start();
        slice.results().forEach(p -> out.withArray("results").add(s.pageRenderer().page(p, r.version(), only)));
        return ListEnvelope.finish(out, slice, r.version().listType());
    }

    static Set<String> filterProperties(ApiRequest r) {
        Set<String> only = r.queryAll("filter_properties");
        return only.isEmpty() ? null : only;
    }

    private ApiError notFound(String kind, String id) {
        return ApiError.notFound(kind, id, s.store().identity().botName(), s.store().identity().integrationId());
    }
}
