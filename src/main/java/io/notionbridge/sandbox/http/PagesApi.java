package io.notionbridge.sandbox.http;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.DatabaseRecord;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.NotionVersion;
import io.notionbridge.sandbox.model.PageParent;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.write.PageService;

/**
 * Pages: {@code POST /v1/pages}, {@code GET /v1/pages/{id}}, {@code PATCH /v1/pages/{id}} (properties, icon, cover,
 * {@code in_trash}; {@code archived} as an alias before 2026-03-11 and a validation error from it on).
 */
final class PagesApi {

    private static final Set<String> CREATE_KEYS = Set.of("parent", "properties", "icon", "cover", "children", "content",
            "markdown", "template", "position");
    private static final Set<String> UPDATE_KEYS = Set.of("properties", "icon", "cover", "in_trash", "archived",
            "is_locked", "is_archived", "template", "erase_content");

    private final SandboxServices s;

    PagesApi(SandboxServices services) {
        this.s = services;
    }

    void register(ApiRoutes routes) {
        routes.post("/v1/pages", this::create);
        routes.get("/v1/pages/:id", r -> {
            PageRecord p = page(r.id("id", "page_id"));
            return s.pageRenderer().page(p, r.version(), QueryApi.filterProperties(r));
        });
        routes.patch("/v1/pages/:id", this::update);
    }

    private ObjectNode create(ApiRequest r) {
        ObjectNode body = r.body();
        r.allowOnly(CREATE_KEYS);
        PageParent parent = parent(body.get("parent"));
        PageRecord p = s.pages().create(parent, body.get("properties"), body.get("icon"), body.get("cover"),
                s.store().bot(), true);
        return s.pageRenderer().page(p, r.version(), null);
    }

    private ObjectNode update(ApiRequest r) {
        String id = r.id("id", "page_id");
        ObjectNode body = r.body();
        r.allowOnly(UPDATE_KEYS);
        page(id);
        PageService.Update update = updateOf(body, r.version());
        PageRecord p = s.pages().update(id, update, s.store().bot());
        return s.pageRenderer().page(p, r.version(), null);
    }

    /** Reads a PATCH body into an update, honouring the version's rules on {@code archived}. */
    static PageService.Update updateOf(ObjectNode body, NotionVersion version) {
        Boolean inTrash = bool(body, "in_trash");
        if (body.has("archived")) {
            if (!version.archivedAlias()) {
                throw ApiError.validation("body failed validation: body.archived should be not present, instead was `"
                        + Json.write(body.get("archived")) + "`. Use body.in_trash from Notion-Version 2026-03-11.");
            }
            Boolean archived = bool(body, "archived");
            if (inTrash != null && archived != null && !inTrash.equals(archived)) {
                throw ApiError.validation("body failed validation: body.archived and body.in_trash disagree.");
            }
            inTrash = inTrash != null ? inTrash : archived;
        }
        return new PageService.Update(body.get("properties"), inTrash, body.get("icon"), body.get("cover"),
                bool(body, "is_locked"), bool(body, "is_archived"));
    }

    private static Boolean bool(ObjectNode body, String key) {
        JsonNode v = body.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ApiError.bodyValidation(key, "a boolean", Json.write(v));
        }
        return v.asBoolean();
    }

    private PageParent parent(JsonNode p) {
        if (p == null || !p.isObject()) {
            throw ApiError.validation("body failed validation: body.parent should be an object, instead was `"
                    + (p == null ? "undefined" : Json.write(p)) + "`.");
        }
        if (p.has("data_source_id")) {
            return PageParent.dataSource(uuid(p.get("data_source_id"), "parent.data_source_id"));
        }
        if (p.has("database_id")) {
            String dbId = uuid(p.get("database_id"), "parent.database_id");
            DatabaseRecord db = s.store().database(dbId).orElseThrow(() -> ApiError.notFound("database", dbId,
                    s.store().identity().botName(), s.store().identity().integrationId()));
            if (db.dataSourceIds.size() != 1) {
                throw ApiError.validation("Databases with multiple data sources cannot be used as a page parent; "
                        + "use parent.data_source_id.");
            }
            return PageParent.dataSource(db.dataSourceIds.get(0));
        }
        if (p.has("page_id")) {
            return PageParent.page(uuid(p.get("page_id"), "parent.page_id"));
        }
        if (p.path("workspace").asBoolean(false)) {
            throw ApiError.validation("For internal integrations, a page or data source parent is currently required.");
        }
        throw ApiError.validation("body failed validation. Fix one: body.parent.page_id should be defined, instead was "
                + "`undefined`. body.parent.data_source_id should be defined, instead was `undefined`. "
                + "body.parent.workspace should be defined, instead was `undefined`.");
    }

    private static String uuid(JsonNode v, String path) {
        return NotionIds.normalize(v.asText()).orElseThrow(() -> ApiError.bodyValidation(path, "a valid uuid",
                v.asText()));
    }

    private PageRecord page(String id) {
        return s.store().page(id).orElseThrow(() -> ApiError.notFound("page", id, s.store().identity().botName(),
                s.store().identity().integrationId()));
    }
}
