package io.notionbridge.warehouse;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionApiException;
import io.notionbridge.notion.error.NotionObjectNotFoundException;
import io.notionbridge.notion.pagination.PageFetcher;

/**
 * What {@code health} checks and how it words the answer: the store, the warehouse target, Notion, and each configured
 * Notion database. A value ops must set is {@code BLOCKED} with the variable to set; something that does not answer
 * is {@code DOWN}.
 */
public final class WarehouseHealth {

    /** The state of one check. */
    public enum Status { UP, DOWN, BLOCKED, SKIPPED }

    /**
     * One line of the health report.
     *
     * @param name   {@code database}, {@code target}, {@code notion}, or a warehouse database name
     * @param status the state
     * @param detail what was found, or what to do
     */
    public record Check(@JsonProperty("name") String name, @JsonProperty("status") Status status,
                        @JsonProperty("detail") String detail) {
        /** {@code BLOCKED: set …}, {@code UP: …}. */
        public String line() {
            return status + ": " + detail;
        }

        public boolean problem() {
            return status == Status.DOWN || status == Status.BLOCKED;
        }
    }

    /** Prefix of the sandbox's demo ids, which do not exist in a real workspace. */
    static final String SANDBOX_DEMO_PREFIX = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d";

    private WarehouseHealth() {
    }

    /**
     * The databases whose id ops must set: missing, a placeholder, not an id, or (against real Notion) one of the
     * sandbox's demo ids.
     */
    public static List<Check> blocked(WarehouseSettings settings, boolean realNotion) {
        List<Check> out = new ArrayList<>();
        for (WarehouseSettings.WarehouseDatabase db : settings.databases()) {
            String what = DatabaseIds.blockedMessage(db.name());
            if (!db.check().ok()) {
                out.add(new Check(db.name(), Status.BLOCKED, what));
            } else if (realNotion && db.check().id().startsWith(SANDBOX_DEMO_PREFIX)) {
                out.add(new Check(db.name(), Status.BLOCKED, what + " (the configured id is the sandbox's demo database)"));
            }
        }
        return out;
    }

    /** {@code GET /v1/users/me}: the integration's bot. */
    public static Check notion(PageFetcher notion, String where) {
        try {
            JsonNode me = notion.fetch(NotionRequest.get("/v1/users/me"));
            return new Check("notion", Status.UP, "bot \"" + me.path("name").asText("?") + "\" at " + where);
        } catch (NotionApiException e) {
            return new Check("notion", Status.DOWN, where + ": " + e.getMessage()
                    + (e.status() == 401 ? " (check NOTION_TOKEN)" : ""));
        }
    }

    /** {@code GET /v1/databases/{id}}: the database is there and shared with the integration. */
    public static Check database(String name, String id, PageFetcher notion) {
        try {
            JsonNode db = notion.fetch(NotionRequest.get("/v1/databases/" + NotionRequest.segment(id)));
            int sources = db.path("data_sources").size();
            return new Check(name, Status.UP, "\"" + title(db) + "\" " + id + " ("
                    + sources + " data source" + (sources == 1 ? "" : "s") + ")");
        } catch (NotionObjectNotFoundException e) {
            return new Check(name, Status.DOWN, "Notion database " + id + " not found or not shared with the integration; "
                    + "share it (••• → Connections) or fix " + DatabaseIds.envVar(name));
        } catch (NotionApiException e) {
            return new Check(name, Status.DOWN, e.getMessage());
        }
    }

    /** A database's title as plain text. */
    static String title(JsonNode database) {
        StringBuilder sb = new StringBuilder();
        database.path("title").forEach(t -> sb.append(t.path("plain_text").asText("")));
        return sb.toString();
    }
}
