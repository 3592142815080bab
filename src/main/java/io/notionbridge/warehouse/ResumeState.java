package io.notionbridge.warehouse;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * Where an unfinished run stopped, checkpointed in {@code sync_watermarks.resume_state} after every page of results
 * (with the upserts of that page when the target is the store).
 *
 * @param mode        {@code incremental} or {@code full}
 * @param databaseId  the Notion database the state belongs to (a changed id starts over)
 * @param runStart    when the interrupted run started: the watermark it will set comes from this time
 * @param from        the watermark the run started from (null: the first run, every page)
 * @param dataSource  index of the data source being walked
 * @param phase       {@code pages} (the query) or {@code trash} (the same query over the trash)
 * @param walkFrom    lower bound of {@code last_edited_time} of the current walk's query (null: none)
 * @param cursor      Notion's cursor of the next page of the current walk (null: walk from the start)
 * @param minute      the newest {@code last_edited_time} delivered by the current walk: when Notion no longer accepts
 *                    the cursor, the walk starts again on or after this minute
 * @param pages       pages delivered so far by the run
 */
public record ResumeState(String mode, String databaseId, Instant runStart, Instant from, int dataSource, String phase,
                          Instant walkFrom, String cursor, Instant minute, long pages) {

    public static final String PAGES = "pages";
    public static final String TRASH = "trash";

    public String toJson() {
        ObjectNode o = NotionJson.object();
        o.put("mode", mode);
        o.put("database_id", databaseId);
        o.put("run_start", text(runStart));
        o.put("from", text(from));
        o.put("data_source", dataSource);
        o.put("phase", phase);
        o.put("walk_from", text(walkFrom));
        o.put("cursor", cursor);
        o.put("minute", text(minute));
        o.put("pages", pages);
        return o.toString();
    }

    /** The state written by {@link #toJson()}, or null for null, blank or unreadable text (the run starts over). */
    public static ResumeState fromJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode o = NotionJson.MAPPER.readTree(json);
            return new ResumeState(o.path("mode").asText(null), o.path("database_id").asText(null),
                    instant(o.get("run_start")), instant(o.get("from")), o.path("data_source").asInt(0),
                    o.path("phase").asText(PAGES), instant(o.get("walk_from")), textOrNull(o.get("cursor")),
                    instant(o.get("minute")), o.path("pages").asLong(0));
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }

    private static Instant instant(JsonNode n) {
        String s = textOrNull(n);
        return s == null ? null : Instant.parse(s);
    }
}
