package io.notionbridge.sandbox.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A page. {@code values} holds each property's full, untruncated value keyed by property id (the part under the
 * type key, e.g. the rich text array of a title). Computed properties (timestamps, authors, unique ids) are
 * rendered from the page's own fields. Mutated only under the store's lock.
 */
public final class PageRecord {
    public final String id;
    /** Insertion order; breaks ties so the default sort is stable. */
    public final long seq;
    public final PageParent parent;
    public final Instant createdTime;
    public final String createdBy;
    public final Map<String, JsonNode> values = new LinkedHashMap<>();
    public Instant lastEditedTime;
    public String lastEditedBy;
    public boolean inTrash;
    public boolean isLocked;
    public boolean isArchived;
    public JsonNode icon;
    public JsonNode cover;

    public PageRecord(String id, long seq, PageParent parent, Instant createdTime, String createdBy) {
        this.id = id;
        this.seq = seq;
        this.parent = parent;
        this.createdTime = createdTime;
        this.createdBy = createdBy;
        this.lastEditedTime = createdTime;
        this.lastEditedBy = createdBy;
    }

    public boolean inDataSource() {
        return parent.kind() == PageParent.Kind.DATA_SOURCE;
    }
}
