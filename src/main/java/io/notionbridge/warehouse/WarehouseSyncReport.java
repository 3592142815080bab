package io.notionbridge.warehouse;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code direct:warehouse-sync} answers: the statistics of every database it synced, in configuration order.
 *
 * @param databases one entry per database
 */
public record WarehouseSyncReport(@JsonProperty("databases") List<SyncStats> databases) {

    public WarehouseSyncReport {
        databases = List.copyOf(databases);
    }

    /** True when no database failed. */
    @JsonProperty("ok")
    public boolean ok() {
        return databases.stream().noneMatch(s -> s.outcome() == SyncStats.Outcome.failed);
    }

    public SyncStats database(String name) {
        return databases.stream().filter(s -> s.database().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no statistics for " + name));
    }
}
