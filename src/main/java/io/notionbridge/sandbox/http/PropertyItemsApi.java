package io.notionbridge.sandbox.http;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.query.CursorCodec;
import io.notionbridge.sandbox.query.Paginator;

/**
 * {@code GET /v1/pages/{id}/properties/{property_id}}: title, rich_text, relation and people as a paginated list of
 * {@code property_item}s (all references, past the 25 a page object shows), every other type as one
 * {@code property_item}.
 */
final class PropertyItemsApi {

    private final SandboxServices s;

    PropertyItemsApi(SandboxServices services) {
        this.s = services;
    }

    void register(ApiRoutes routes) {
        routes.get("/v1/pages/:id/properties/:property_id", this::retrieve);
    }

    private ObjectNode retrieve(ApiRequest r) {
        String pageId = r.id("id", "page_id");
        String propertyId = r.pathParam("property_id");
        PageRecord page = s.store().page(pageId).orElseThrow(() -> ApiError.notFound("page", pageId,
                s.store().identity().botName(), s.store().identity().integrationId()));
        ObjectNode schema = schema(page, propertyId);
        String type = schema.path("type").asText();
        String id = schema.path("id").asText();
        if (!List.of("title", "rich_text", "relation", "people").contains(type)) {
            ObjectNode item = Json.object();
            item.put("object", "property_item");
            ObjectNode v = s.pageRenderer().propertyValue(page, schema);
            item.put("id", id);
            item.put("type", type);
            item.set(type, v.get(type));
            return item;
        }
        List<JsonNode> all = new ArrayList<>();
        synchronized (s.store()) {
            JsonNode stored = page.values.get(id);
            if (stored != null) {
                stored.forEach(n -> all.add(n.deepCopy()));
            }
        }
        int size = Paginator.pageSize(r.query("page_size") == null ? null : Json.NODES.textNode(r.query("page_size")),
                "query");
        String fingerprint = CursorCodec.fingerprint("property|" + pageId + "|" + id);
        Paginator.Slice<JsonNode> slice = Paginator.slice(all, size, r.query("start_cursor"), fingerprint,
                Integer.MAX_VALUE, "query");
        ObjectNode out = ListEnvelope.start();
        for (JsonNode n : slice.results()) {
            ObjectNode item = out.withArray("results").addObject();
            item.put("object", "property_item");
            item.put("type", type);
            item.put("id", id);
            item.set(type, type.equals("people") ? s.pageRenderer().user(n.path("id").asText()) : n);
        }
        out.put("next_cursor", slice.nextCursor());
        out.put("has_more", slice.hasMore());
        out.put("type", "property_item");
        ObjectNode pi = out.putObject("property_item");
        pi.put("id", id);
        pi.put("next_url", slice.hasMore() ? s.baseUrl().get() + "/v1/pages/" + pageId + "/properties/" + id
                + "?start_cursor=" + slice.nextCursor() : null);
        pi.put("type", type);
        pi.putObject(type);
        return out;
    }

    private ObjectNode schema(PageRecord page, String propertyId) {
        if (!page.inDataSource()) {
            if (propertyId.equals("title")) {
                return Json.object().put("id", "title").put("name", "title").put("type", "title");
            }
        } else {
            DataSourceRecord ds = s.store().dataSource(page.parent.id()).orElseThrow();
            var found = ds.property(propertyId);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw ApiError.notFound("property", propertyId, s.store().identity().botName(),
                s.store().identity().integrationId());
    }
}
