package io.notionbridge.warehouse;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What one sync of one database did. Logged as one JSON line, returned by {@code direct:warehouse-sync}, stored in
 * {@code sync_watermarks.last_run_stats} and in {@code job_runs.stats} (job {@code warehouse-sync}, scope = name).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"database", "database_id", "mode", "outcome", "resumed", "pages_fetched", "inserted", "updated",
        "unchanged", "marked_deleted", "notion_requests", "references_completed", "references_truncated",
        "page_size_reductions", "rate_limit_pauses", "paused_ms", "watermark", "started_at", "duration_ms", "error"})
public final class SyncStats {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** How a run ended. */
    public enum Outcome { ok, failed, skipped }

    @JsonProperty("database") String database;
    @JsonProperty("database_id") String databaseId;
    @JsonProperty("mode") String mode;
    @JsonProperty("outcome") Outcome outcome = Outcome.ok;
    @JsonProperty("resumed") boolean resumed;
    @JsonProperty("pages_fetched") long pagesFetched;
    @JsonProperty("inserted") long inserted;
    @JsonProperty("updated") long updated;
    @JsonProperty("unchanged") long unchanged;
    @JsonProperty("marked_deleted") long markedDeleted;
    @JsonProperty("notion_requests") long notionRequests;
    @JsonProperty("references_completed") long referencesCompleted;
    @JsonProperty("references_truncated") long referencesTruncated;
    @JsonProperty("page_size_reductions") long pageSizeReductions;
    @JsonProperty("rate_limit_pauses") long rateLimitPauses;
    @JsonProperty("paused_ms") long pausedMs;
    @JsonProperty("watermark") Instant watermark;
    @JsonProperty("started_at") Instant startedAt;
    @JsonProperty("duration_ms") long durationMs;
    @JsonProperty("error") @JsonInclude(JsonInclude.Include.NON_NULL) String error;

    public SyncStats() {
    }

    SyncStats(String database, String databaseId, String mode, Instant startedAt) {
        this.database = database;
        this.databaseId = databaseId;
        this.mode = mode;
        this.startedAt = startedAt;
    }

    public String database() {
        return database;
    }

    public String databaseId() {
        return databaseId;
    }

    public String mode() {
        return mode;
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean resumed() {
        return resumed;
    }

    public long pagesFetched() {
        return pagesFetched;
    }

    public long inserted() {
        return inserted;
    }

    public long updated() {
        return updated;
    }

    public long unchanged() {
        return unchanged;
    }

    public long markedDeleted() {
        return markedDeleted;
    }

    public long notionRequests() {
        return notionRequests;
    }

    public long referencesCompleted() {
        return referencesCompleted;
    }

    public long referencesTruncated() {
        return referencesTruncated;
    }

    public long pageSizeReductions() {
        return pageSizeReductions;
    }

    /** Pauses of all Notion traffic (after a 429 or 529) started or extended while this run was going. */
    public long rateLimitPauses() {
        return rateLimitPauses;
    }

    /** How long all Notion traffic was paused while this run was going, in milliseconds. */
    public long pausedMs() {
        return pausedMs;
    }

    void recordPauses(long pauses, long pausedMillis) {
        this.rateLimitPauses = pauses;
        this.pausedMs = pausedMillis;
    }

    public Instant watermark() {
        return watermark;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long durationMs() {
        return durationMs;
    }

    public String error() {
        return error;
    }

    /** One line of JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SyncStats fromJson(String json) {
        try {
            return JSON.readValue(json, SyncStats.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not warehouse sync statistics: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return toJson();
    }
}
