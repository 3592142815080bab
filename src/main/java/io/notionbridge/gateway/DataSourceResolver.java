package io.notionbridge.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.config.BridgeException;
import io.notionbridge.notion.NotionRequest;

/**
 * Users configure the database id they copy from Notion; since API 2025-09-03 pages live in the database's data
 * sources. This resolves a database's data source ids through {@code GET /v1/databases/{id}} once and caches them.
 */
public class DataSourceResolver {

    private final NotionClient client;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    public DataSourceResolver(NotionClient client) {
        this.client = client;
    }

    /** Every data source id of {@code databaseId}, in Notion's order. */
    public List<String> dataSourceIds(String databaseId) {
        return cache.computeIfAbsent(normalize(databaseId), id -> {
            JsonNode db = client.call(NotionRequest.get("/v1/databases/" + id));
            List<String> ids = new ArrayList<>();
            db.path("data_sources").forEach(ds -> ids.add(ds.path("id").asText()));
            if (ids.isEmpty()) {
                throw new BridgeException("Notion database " + databaseId + " has no data source the integration can see; "
                        + "check that the id is a database id (not a page or view id) and that it is shared with the integration");
            }
            return List.copyOf(ids);
        });
    }

    /** The data source new pages of {@code databaseId} go to: its first. */
    public String primary(String databaseId) {
        return dataSourceIds(databaseId).get(0);
    }

    /** Forgets cached ids (after a schema change in Notion, for example). */
    public void clear() {
        cache.clear();
    }

    static String normalize(String id) {
        String s = id.trim().toLowerCase();
        if (s.matches("[0-9a-f]{32}")) {
            return s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-" + s.substring(16, 20) + "-"
                    + s.substring(20);
        }
        return s;
    }
}
