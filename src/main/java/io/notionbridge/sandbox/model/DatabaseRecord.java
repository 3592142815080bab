package io.notionbridge.sandbox.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** A database container. Its schema lives on its data sources. Mutated only under the store's lock. */
public final class DatabaseRecord {
    public final String id;
    public final PageParent parent;
    public final Instant createdTime;
    public final String createdBy;
    public final List<String> dataSourceIds = new ArrayList<>();
    public ArrayNode title;
    public ArrayNode description;
    public boolean isInline;
    public boolean inTrash;
    public boolean isLocked;
    public Instant lastEditedTime;
    public String lastEditedBy;
    public JsonNode icon;
    public JsonNode cover;

    public DatabaseRecord(String id, PageParent parent, Instant createdTime, String createdBy) {
        this.id = id;
        this.parent = parent;
        this.createdTime = createdTime;
        this.createdBy = createdBy;
        this.lastEditedTime = createdTime;
        this.lastEditedBy = createdBy;
    }
}
