package io.notionbridge.sandbox.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.DatabaseRecord;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.model.RichText;
import io.notionbridge.sandbox.query.CursorCodec;
import io.notionbridge.sandbox.query.Paginator;

/**
 * {@code POST /v1/search}: pages and data sources (databases in 2022-06-28) whose title contains {@code query}
 * (case-insensitive; a data source matches on its database's title), filtered by object, sorted by
 * {@code last_edited_time} (descending by default), paginated. Trashed objects are left out.
 */
final class SearchApi {

    private static final Set<String> BODY_KEYS = Set.of("query", "filter", "sort", "start_cursor", "page_size");

    private record Hit(Object object, Instant lastEdited, long order) {
    }

    private final SandboxServices s;

    SearchApi(SandboxServices services) {
        this.s = services;
    }

    void register(ApiRoutes routes) {
        routes.post("/v1/search", this::search);
    }

    private ObjectNode search(ApiRequest r) {
        ObjectNode body = r.body();
        r.allowOnly(BODY_KEYS);
        String query = body.path("query").asText("").toLowerCase(Locale.ROOT);
        String containers = r.version().dataSources() ? "data_source" : "database";
        String only = objectFilter(body.get("filter"), containers);
        boolean descending = sortDescending(body.get("sort"));
        int pageSize = Paginator.pageSize(body.get("page_size"), "body");
        List<Hit> hits = new ArrayList<>();
        synchronized (s.store()) {
            if (only == null || only.equals("page")) {
                for (PageRecord p : s.store().pages(p -> !p.inTrash)) {
                    if (RichText.plain(p.values.get("title")).toLowerCase(Locale.ROOT).contains(query)) {
                        hits.add(new Hit(p, p.lastEditedTime, p.seq));
                    }
                }
            }
            if (only == null || !only.equals("page")) {
                long n = 0;
                for (DataSourceRecord ds : s.store().dataSources()) {
                    DatabaseRecord db = s.store().database(ds.databaseId).orElseThrow();
                    if (!ds.inTrash && !db.inTrash
                            && RichText.plain(db.title).toLowerCase(Locale.ROOT).contains(query)) {
                        hits.add(new Hit(r.version().dataSources() ? ds : db, ds.lastEditedTime, --n));
                    }
                }
            }
        }
        Comparator<Hit> order = Comparator.comparing(Hit::lastEdited);
        order = (descending ? order.reversed() : order).thenComparingLong(Hit::order);
        hits.sort(order);
        String fingerprint = CursorCodec.fingerprint("search|" + query + "|" + only + "|" + descending);
        JsonNode cursor = body.get("start_cursor");
        Paginator.Slice<Hit> slice = Paginator.slice(hits, pageSize,
                cursor == null || cursor.isNull() ? null : cursor.asText(), fingerprint, Integer.MAX_VALUE, "body");
        ObjectNode out = ListEnvelope.start();
        for (Hit h : slice.results()) {
            ObjectNode rendered = h.object() instanceof PageRecord p ? s.pageRenderer().page(p, r.version(), null)
                    : h.object() instanceof DataSourceRecord ds ? s.databaseRenderer().dataSource(ds, r.version())
                    : s.databaseRenderer().database((DatabaseRecord) h.object(), r.version());
            out.withArray("results").add(rendered);
        }
        return ListEnvelope.finish(out, slice, r.version().listType());
    }

    private static String objectFilter(JsonNode filter, String containers) {
        if (filter == null || filter.isNull()) {
            return null;
        }
        String value = filter.path("value").asText();
        if (!filter.path("property").asText().equals("object") || !(value.equals("page") || value.equals(containers))) {
            throw ApiError.validation("body failed validation: body.filter.value should be `\"page\"` or `\"" + containers
                    + "\"`, instead was `" + Json.write(filter.path("value")) + "`.");
        }
        return value;
    }

    private static boolean sortDescending(JsonNode sort) {
        if (sort == null || sort.isNull()) {
            return true;
        }
        if (!sort.path("timestamp").asText().equals("last_edited_time")) {
            throw ApiError.bodyValidation("sort.timestamp", "`\"last_edited_time\"`", sort.path("timestamp").asText());
        }
        String dir = sort.path("direction").asText("descending");
        if (!dir.equals("ascending") && !dir.equals("descending")) {
            throw ApiError.bodyValidation("sort.direction", "`\"ascending\"` or `\"descending\"`", dir);
        }
        return dir.equals("descending");
    }
}
