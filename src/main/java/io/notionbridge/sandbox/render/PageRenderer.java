package io.notionbridge.sandbox.render;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.NotionTime;
import io.notionbridge.sandbox.model.NotionVersion;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.model.SandboxUser;
import io.notionbridge.sandbox.store.SandboxStore;

/**
 * Page objects in the shape of each Notion-Version: parent {@code database_id} (2022-06-28) or
 * {@code data_source_id} + {@code database_id} (later), {@code archived} before 2026-03-11, and at most
 * {@value #MAX_REFERENCES} references per relation or people property (relation then says {@code has_more:true};
 * the rest comes from the property item endpoint).
 */
public final class PageRenderer {

    public static final int MAX_REFERENCES = 25;

    private final SandboxStore store;
    private final String pageUrlBase;

    public PageRenderer(SandboxStore store, String pageUrlBase) {
        this.store = store;
        this.pageUrlBase = pageUrlBase;
    }

    /** The page; {@code onlyProperties} (names or ids) trims {@code properties} when not null. */
    public ObjectNode page(PageRecord p, NotionVersion version, Set<String> onlyProperties) {
        synchronized (store) {
            ObjectNode o = Json.object();
            o.put("object", "page");
            o.put("id", p.id);
            o.put("created_time", NotionTime.format(p.createdTime));
            o.put("last_edited_time", NotionTime.format(p.lastEditedTime));
            o.set("created_by", Json.partialUser(p.createdBy));
            o.set("last_edited_by", Json.partialUser(p.lastEditedBy));
            o.set("cover", p.cover == null ? Json.NODES.nullNode() : p.cover);
            o.set("icon", p.icon == null ? Json.NODES.nullNode() : p.icon);
            o.set("parent", parent(p, version));
            o.put("in_trash", p.inTrash);
            o.put("is_archived", p.isArchived);
            o.put("is_locked", p.isLocked);
            o.set("properties", properties(p, onlyProperties));
            o.put("url", pageUrlBase + slug(p) + NotionIds.compact(p.id));
            o.putNull("public_url");
            if (version.archivedAlias()) {
                o.put("archived", p.inTrash);
            }
            return o;
        }
    }

    private ObjectNode parent(PageRecord p, NotionVersion version) {
        ObjectNode parent = Json.object();
        switch (p.parent.kind()) {
            case DATA_SOURCE -> {
                String dbId = store.dataSource(p.parent.id()).map(d -> d.databaseId).orElse(null);
                if (version.dataSources()) {
                    parent.put("type", "data_source_id");
                    parent.put("data_source_id", p.parent.id());
                    parent.put("database_id", dbId);
                } else {
                    parent.put("type", "database_id");
                    parent.put("database_id", dbId);
                }
            }
            case PAGE -> {
                parent.put("type", "page_id");
                parent.put("page_id", p.parent.id());
            }
            case WORKSPACE -> {
                parent.put("type", "workspace");
                parent.put("workspace", true);
            }
        }
        return parent;
    }

    private ObjectNode properties(PageRecord p, Set<String> only) {
        ObjectNode props = Json.object();
        if (!p.inDataSource()) {
            props.set("title", value("title", "title", p.values.getOrDefault("title", Json.array()), p));
            return props;
        }
        DataSourceRecord ds = store.dataSource(p.parent.id()).orElseThrow();
        for (ObjectNode schema : ds.properties.values()) {
            String id = schema.path("id").asText();
            String name = schema.path("name").asText();
            if (only != null && !only.contains(name) && !only.contains(id)) {
                continue;
            }
            props.set(name, value(id, schema.path("type").asText(), p.values.get(id), p));
        }
        return props;
    }

    /** One property of a page as in the page object (computed, relation and people truncated). */
    public ObjectNode propertyValue(PageRecord p, ObjectNode schema) {
        synchronized (store) {
            String id = schema.path("id").asText();
            return value(id, schema.path("type").asText(), p.values.get(id), p);
        }
    }

    /** {@code {id, type, <type>: value}} for one property, computed and truncated as Notion does. */
    private ObjectNode value(String id, String type, JsonNode stored, PageRecord p) {
        ObjectNode v = Json.object();
        v.put("id", id);
        v.put("type", type);
        switch (type) {
            case "title", "rich_text", "multi_select", "files" -> v.set(type, stored == null ? Json.array() : stored.deepCopy());
            case "checkbox" -> v.put(type, stored != null && stored.asBoolean());
            case "people" -> v.set(type, people(stored, MAX_REFERENCES));
            case "relation" -> {
                ArrayNode all = stored == null ? Json.array() : (ArrayNode) stored;
                ArrayNode shown = Json.array();
                for (int i = 0; i < Math.min(all.size(), MAX_REFERENCES); i++) {
                    shown.add(all.get(i).deepCopy());
                }
                v.set(type, shown);
                v.put("has_more", all.size() > MAX_REFERENCES);
            }
            case "created_time" -> v.put(type, NotionTime.format(p.createdTime));
            case "last_edited_time" -> v.put(type, NotionTime.format(p.lastEditedTime));
            case "created_by" -> v.set(type, user(p.createdBy));
            case "last_edited_by" -> v.set(type, user(p.lastEditedBy));
            case "formula" -> v.set(type, stored != null ? stored.deepCopy()
                    : Json.object().put("type", "string").putNull("string"));
            case "unique_id" -> v.set(type, stored != null ? stored.deepCopy()
                    : Json.object().putNull("prefix").putNull("number"));
            case "button" -> v.putObject(type);
            default -> v.set(type, stored == null ? Json.NODES.nullNode() : stored.deepCopy());
        }
        return v;
    }

    /** Full user objects for known users, partial ones otherwise; at most {@code limit}. */
    ArrayNode people(JsonNode stored, int limit) {
        ArrayNode out = Json.array();
        if (stored == null) {
            return out;
        }
        for (int i = 0; i < Math.min(stored.size(), limit); i++) {
            out.add(user(stored.get(i).path("id").asText()));
        }
        return out;
    }

    public ObjectNode user(String id) {
        return store.user(id).map((SandboxUser u) -> UserRenderer.user(u, store.identity()))
                .orElseGet(() -> Json.partialUser(id));
    }

    private static String slug(PageRecord p) {
        JsonNode title = p.values.get("title");
        String plain = io.notionbridge.sandbox.model.RichText.plain(title).replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return plain.isEmpty() ? "" : plain + "-";
    }
}
