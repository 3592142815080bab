package io.notionbridge.sandbox.http;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.DatabaseRecord;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.PageParent;
import io.notionbridge.sandbox.write.DatabaseFactory;

/**
 * Databases and data sources: {@code GET /v1/databases/{id}} (the container from 2025-09-03, the combined object with
 * {@code properties} in 2022-06-28), {@code POST /v1/databases} (schema under {@code initial_data_source.properties}
 * from 2025-09-03, {@code properties} before), {@code GET /v1/data_sources/{id}}.
 */
final class DatabasesApi {

    private static final Set<String> CREATE_KEYS = Set.of("parent", "title", "description", "is_inline", "icon", "cover",
            "properties", "initial_data_source");

    private final SandboxServices s;
    private final DatabaseFactory factory;

    DatabasesApi(SandboxServices services) {
        this.s = services;
        this.factory = new DatabaseFactory(services.store(), services.schemas(), services.clock());
    }

    void register(ApiRoutes routes) {
        routes.get("/v1/databases/:id", r -> {
            String id = r.id("id", "database_id");
            DatabaseRecord db = s.store().database(id).orElseThrow(() -> notFound("database", id));
            if (!r.version().dataSources() && db.dataSourceIds.size() != 1) {
                throw ApiError.validation("Databases with multiple data sources are not supported in this API version.");
            }
            return s.databaseRenderer().database(db, r.version());
        });
        routes.post("/v1/databases", this::create);
        routes.get("/v1/data_sources/:id", r -> {
            String id = r.id("id", "data_source_id");
            DataSourceRecord ds = s.store().dataSource(id).orElseThrow(() -> notFound("data source", id));
            return s.databaseRenderer().dataSource(ds, r.version());
        });
    }

    private ObjectNode create(ApiRequest r) {
        ObjectNode body = r.body();
        r.allowOnly(CREATE_KEYS);
        JsonNode properties;
        if (r.version().dataSources()) {
            if (body.has("properties")) {
                throw ApiError.validation("body failed validation: body.properties should be not present, instead was "
                        + "an object. From 2025-09-03 the schema goes under body.initial_data_source.properties.");
            }
            properties = body.path("initial_data_source").get("properties");
        } else {
            if (body.has("initial_data_source")) {
                throw ApiError.validation("body failed validation: body.initial_data_source should be not present in "
                        + "Notion-Version 2022-06-28; send body.properties.");
            }
            properties = body.get("properties");
        }
        DatabaseRecord db = factory.create(new DatabaseFactory.Spec(null, null, parent(body.get("parent")),
                DatabaseFactory.title(body.get("title")), DatabaseFactory.title(body.get("description")),
                body.path("is_inline").asBoolean(false), body.get("icon"), properties), s.store().bot().id());
        return s.databaseRenderer().database(db, r.version());
    }

    private static PageParent parent(JsonNode p) {
        if (p == null || !p.isObject()) {
            throw ApiError.bodyValidation("parent", "an object", p == null ? "undefined" : p.toString());
        }
        if (p.has("page_id")) {
            return PageParent.page(NotionIds.normalize(p.get("page_id").asText()).orElseThrow(() ->
                    ApiError.bodyValidation("parent.page_id", "a valid uuid", p.get("page_id").asText())));
        }
        if (p.path("workspace").asBoolean(false)) {
            return PageParent.workspace();
        }
        throw ApiError.validation("body failed validation. Fix one: body.parent.page_id should be defined, instead was "
                + "`undefined`. body.parent.workspace should be defined, instead was `undefined`.");
    }

    private ApiError notFound(String kind, String id) {
        return ApiError.notFound(kind, id, s.store().identity().botName(), s.store().identity().integrationId());
    }
}
