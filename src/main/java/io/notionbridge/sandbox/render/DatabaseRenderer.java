package io.notionbridge.sandbox.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.DatabaseRecord;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.NotionTime;
import io.notionbridge.sandbox.model.NotionVersion;
import io.notionbridge.sandbox.model.PageParent;
import io.notionbridge.sandbox.store.SandboxStore;

/** Database and data source objects in the shape of each Notion-Version. */
public final class DatabaseRenderer {

    private final SandboxStore store;
    private final String pageUrlBase;

    public DatabaseRenderer(SandboxStore store, String pageUrlBase) {
        this.store = store;
        this.pageUrlBase = pageUrlBase;
    }

    /**
     * 2025-09-03 and later: the container with {@code data_sources:[{id,name}]}. 2022-06-28: the combined object
     * carrying the schema ({@code properties}) of its one data source.
     */
    public ObjectNode database(DatabaseRecord db, NotionVersion version) {
        ObjectNode o = Json.object();
        o.put("object", "database");
        o.put("id", db.id);
        if (!version.dataSources()) {
            DataSourceRecord ds = store.dataSource(db.dataSourceIds.get(0)).orElseThrow();
            o.set("cover", db.cover);
            o.set("icon", db.icon);
            o.put("created_time", NotionTime.format(db.createdTime));
            o.set("created_by", Json.partialUser(db.createdBy));
            o.set("last_edited_by", Json.partialUser(db.lastEditedBy));
            o.put("last_edited_time", NotionTime.format(db.lastEditedTime));
            o.set("title", db.title.deepCopy());
            o.set("description", db.description.deepCopy());
            o.put("is_inline", db.isInline);
            o.set("properties", schema(ds));
            o.set("parent", parent(db.parent));
            o.put("url", url(db.id));
            o.putNull("public_url");
            o.put("archived", db.inTrash);
            o.put("in_trash", db.inTrash);
            return o;
        }
        o.set("title", db.title.deepCopy());
        o.set("description", db.description.deepCopy());
        o.set("parent", parent(db.parent));
        o.put("is_inline", db.isInline);
        o.put("in_trash", db.inTrash);
        o.put("is_locked", db.isLocked);
        o.put("created_time", NotionTime.format(db.createdTime));
        o.put("last_edited_time", NotionTime.format(db.lastEditedTime));
        ArrayNode sources = o.putArray("data_sources");
        for (String dsId : db.dataSourceIds) {
            store.dataSource(dsId).ifPresent(ds -> sources.addObject().put("id", ds.id)
                    .put("name", io.notionbridge.sandbox.model.RichText.plain(ds.title)));
        }
        o.set("icon", db.icon);
        o.set("cover", db.cover);
        o.put("url", url(db.id));
        o.putNull("public_url");
        if (version.archivedAlias()) {
            o.put("archived", db.inTrash);
        }
        return o;
    }

    /** The data source object: its schema and its database parent. */
    public ObjectNode dataSource(DataSourceRecord ds, NotionVersion version) {
        DatabaseRecord db = store.database(ds.databaseId).orElseThrow();
        ObjectNode o = Json.object();
        o.put("object", "data_source");
        o.put("id", ds.id);
        o.set("cover", db.cover);
        o.set("icon", db.icon);
        o.put("created_time", NotionTime.format(ds.createdTime));
        o.set("created_by", Json.partialUser(ds.createdBy));
        o.set("last_edited_by", Json.partialUser(ds.lastEditedBy));
        o.put("last_edited_time", NotionTime.format(ds.lastEditedTime));
        o.set("title", ds.title.deepCopy());
        o.set("description", ds.description.deepCopy());
        o.put("is_inline", db.isInline);
        o.set("properties", schema(ds));
        ObjectNode parent = o.putObject("parent");
        parent.put("type", "database_id");
        parent.put("database_id", db.id);
        o.set("database_parent", parent(db.parent));
        o.put("url", url(db.id));
        o.putNull("public_url");
        o.put("in_trash", ds.inTrash);
        if (version.archivedAlias()) {
            o.put("archived", ds.inTrash);
        }
        return o;
    }

    /** The schema keyed by property name, as Notion answers it. */
    public static ObjectNode schema(DataSourceRecord ds) {
        ObjectNode props = Json.object();
        for (ObjectNode p : ds.properties.values()) {
            props.set(p.path("name").asText(), p.deepCopy());
        }
        return props;
    }

    static ObjectNode parent(PageParent parent) {
        ObjectNode p = Json.object();
        switch (parent.kind()) {
            case PAGE -> {
                p.put("type", "page_id");
                p.put("page_id", parent.id());
            }
            case WORKSPACE -> {
                p.put("type", "workspace");
                p.put("workspace", true);
            }
            case DATA_SOURCE -> throw new IllegalArgumentException("a database cannot have a data source parent");
        }
        return p;
    }

    String url(String id) {
        return pageUrlBase + NotionIds.compact(id);
    }
}
