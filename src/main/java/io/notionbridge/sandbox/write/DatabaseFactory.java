package io.notionbridge.sandbox.write;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.DatabaseRecord;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.NotionTime;
import io.notionbridge.sandbox.model.PageParent;
import io.notionbridge.sandbox.model.RichText;
import io.notionbridge.sandbox.store.SandboxStore;

/** Creates a database with its one data source and schema (the API's create-database call and the demo data). */
public final class DatabaseFactory {

    /** What a new database needs; ids null for fresh random ones. */
    public record Spec(String databaseId, String dataSourceId, PageParent parent, ArrayNode title, ArrayNode description,
                       boolean isInline, JsonNode icon, JsonNode properties) {
    }

    private final SandboxStore store;
    private final SchemaFactory schemas;
    private final Clock clock;

    public DatabaseFactory(SandboxStore store, SchemaFactory schemas, Clock clock) {
        this.store = store;
        this.schemas = schemas;
        this.clock = clock;
    }

    public DatabaseRecord create(Spec spec, String authorId) {
        if (spec.properties() == null || !spec.properties().isObject()) {
            throw ApiError.bodyValidation("properties", "an object", spec.properties() == null ? "undefined"
                    : Json.write(spec.properties()));
        }
        synchronized (store) {
            String dbId = spec.databaseId() != null ? spec.databaseId() : NotionIds.newId();
            String dsId = spec.dataSourceId() != null ? spec.dataSourceId() : NotionIds.newId();
            if (spec.parent().kind() == PageParent.Kind.PAGE && store.page(spec.parent().id()).isEmpty()) {
                throw ApiError.notFound("page", spec.parent().id(), store.identity().botName(),
                        store.identity().integrationId());
            }
            java.time.Instant now = NotionTime.toMinute(clock.instant());
            DataSourceRecord ds = new DataSourceRecord(dsId, dbId, now, authorId);
            ds.title = spec.title() == null ? Json.array() : spec.title().deepCopy();
            ds.description = spec.description() == null ? Json.array() : spec.description().deepCopy();
            int titles = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = spec.properties().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ObjectNode p = schemas.build(dsId, e.getKey(), e.getValue());
                if ("title".equals(p.path("type").asText())) {
                    titles++;
                }
                ds.properties.put(p.path("id").asText(), p);
            }
            if (titles != 1) {
                throw ApiError.validation("body failed validation: a database needs exactly one title property, "
                        + "instead it has " + titles + ".");
            }
            DatabaseRecord db = new DatabaseRecord(dbId, spec.parent(), now, authorId);
            db.title = ds.title.deepCopy();
            db.description = ds.description.deepCopy();
            db.isInline = spec.isInline();
            db.icon = spec.icon() == null ? Json.NODES.nullNode() : spec.icon();
            db.cover = Json.NODES.nullNode();
            store.addDatabase(db);
            store.addDataSource(ds);
            return db;
        }
    }

    /** A title given as a rich text array or, for convenience, as a plain string. */
    public static ArrayNode title(JsonNode t) {
        if (t == null || t.isNull() || t.isMissingNode()) {
            return Json.array();
        }
        if (t.isTextual()) {
            return RichText.of(t.asText());
        }
        return t.isArray() ? (ArrayNode) t : Json.array();
    }
}
