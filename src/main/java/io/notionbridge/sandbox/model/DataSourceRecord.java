package io.notionbridge.sandbox.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A data source: the schema ({@code properties}, keyed by property id, each in Notion's response shape
 * {@code {id,name,description,type,<type>:{config}}}) and the parent of its pages. Mutated only under the store's lock.
 */
public final class DataSourceRecord {
    public final String id;
    public final String databaseId;
    public final Instant createdTime;
    public final String createdBy;
    public final Map<String, ObjectNode> properties = new LinkedHashMap<>();
    public ArrayNode title;
    public ArrayNode description;
    public boolean inTrash;
    public Instant lastEditedTime;
    public String lastEditedBy;
    /** Last number handed out per unique_id property id. */
    public final Map<String, Long> uniqueIdCounters = new LinkedHashMap<>();

    public DataSourceRecord(String id, String databaseId, Instant createdTime, String createdBy) {
        this.id = id;
        this.databaseId = databaseId;
        this.createdTime = createdTime;
        this.createdBy = createdBy;
        this.lastEditedTime = createdTime;
        this.lastEditedBy = createdBy;
    }

    /** The schema property named {@code nameOrId} (a name, or an id, URL-encoded or not). */
    public Optional<ObjectNode> property(String nameOrId) {
        for (ObjectNode p : properties.values()) {
            if (p.path("name").asText().equals(nameOrId)) {
                return Optional.of(p);
            }
        }
        ObjectNode byId = properties.get(nameOrId);
        if (byId != null) {
            return Optional.of(byId);
        }
        String encoded = java.net.URLEncoder.encode(nameOrId, java.nio.charset.StandardCharsets.UTF_8);
        return Optional.ofNullable(properties.get(encoded));
    }

    /** The property of type title (every data source has exactly one). */
    public ObjectNode titleProperty() {
        return properties.values().stream().filter(p -> "title".equals(p.path("type").asText())).findFirst()
                .orElseThrow(() -> new IllegalStateException("data source " + id + " has no title property"));
    }
}
