package io.notionbridge.drill;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.property.PageReader;
import io.notionbridge.notion.property.PageView;
import io.notionbridge.sandbox.demo.DemoData;

/**
 * What a drill run leaves behind, in a form two runs can be compared by: section → key → content. Ids that differ
 * between runs by nature (pages the bridge created get new ids; rows get new serial ids) are replaced by what they
 * point to (a CRM page by its canonical key, else its name); load and bookkeeping times (cached_at, synced_at,
 * pushed_at, attempts) are left out. Everything else is compared as stored: page properties, in_trash and timestamps
 * in the sandbox, bronze rows (raw JSON, completed references, hashes, flags), cache rows, task rows, watermarks.
 */
record EndState(Map<String, Map<String, String>> sections, List<String> duplicateCrmPages) {

    static final String CRM = "crm pages";

    static EndState of(DrillBridge b) throws Exception {
        Map<String, Map<String, String>> s = new TreeMap<>();
        Map<String, String> pageNames = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        Map<String, String> crm = new TreeMap<>();
        for (boolean trashed : new boolean[] {false, true}) {
            ObjectNode body = NotionJson.object();
            if (trashed) {
                body.put("in_trash", true);
            }
            b.notion().forEachResult(DemoData.CRM_DATA_SOURCE_ID, body, page -> {
                PageView v = PageReader.read(page);
                Object key = v.property("Canonical Key");
                String name = key instanceof String k && !k.isBlank() ? k : "name:" + v.property("Name");
                pageNames.put(v.id(), name);
                if (crm.put(name, pageContent(v)) != null) {
                    duplicates.add(name);
                }
            });
        }
        s.put(CRM, crm);
        Map<String, String> taskPages = new TreeMap<>();
        b.notion().forEachResult(DemoData.VIDEO_TASKS_DATA_SOURCE_ID, NotionJson.object(),
                page -> taskPages.put(page.path("id").asText(), pageContent(PageReader.read(page))));
        s.put("task pages", taskPages);

        try (Connection c = b.db().dataSource().getConnection()) {
            s.put("signal_processing", rows(c, "SELECT s.canonical_key, s.signal_type, s.source_api, s.detected_at, "
                    + "p.state, p.notion_page_id, p.reason FROM signals s JOIN signal_processing p ON p.signal_id = s.id",
                    4, pageNames));
            s.put("push_intents", rows(c, "SELECT canonical_key, state, notion_page_id FROM push_intents", 1, pageNames));
            s.put("suppression_cache", rows(c, "SELECT canonical_key, key_strength, notion_page_id, status, company_name, "
                    + "page_last_edited_time, metadata FROM suppression_cache", 1, pageNames));
            s.put("bronze rows", rows(c, "SELECT page_id, database_id, database_name, data_source_id, raw_json, "
                    + "completed_properties, created_time, last_edited_time, in_trash, content_hash, deleted_from_source, "
                    + "deleted_at FROM " + b.bronzeTable(), 2, pageNames));
            s.put("tasks", rows(c, "SELECT notion_page_id, title, channel, topic, story_direction, status, priority, "
                    + "notion_status, notion_priority, deleted_in_notion, validation_error, claimed_by, push_error, "
                    + "notion_event_time, review_note, reviewed_by FROM tasks", 1, pageNames));
            s.put("watermarks", rows(c, "SELECT job, scope, last_edited_time, last_page_id, resume_state, mode "
                    + "FROM sync_watermarks", 2, pageNames));
        }
        return new EndState(s, duplicates);
    }

    /** What one page is, without its id: its properties, whether it is in the trash, its timestamps. */
    private static String pageContent(PageView v) {
        ObjectNode o = NotionJson.object();
        o.set("properties", v.propertiesJson());
        o.put("in_trash", v.inTrash());
        o.put("created_time", String.valueOf(v.createdTime()));
        o.put("last_edited_time", String.valueOf(v.lastEditedTime()));
        return o.toString();
    }

    /**
     * The rows of {@code sql}, keyed by their first {@code keyColumns} columns; a column named {@code notion_page_id}
     * holds the CRM page it points to (by canonical key or name) when it is one, else the id itself.
     */
    private static Map<String, String> rows(Connection c, String sql, int keyColumns, Map<String, String> pageNames)
            throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                ObjectNode row = NotionJson.object();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String col = md.getColumnLabel(i).toLowerCase();
                    String v = rs.getString(i);
                    if (col.equals("notion_page_id") && v != null && pageNames.containsKey(v)) {
                        v = "page of " + pageNames.get(v);
                    }
                    if (i <= keyColumns) {
                        key.add(v);
                    } else {
                        row.put(col, v);
                    }
                }
                if (out.put(String.join(" | ", key), row.toString()) != null) {
                    throw new IllegalStateException("two rows with the key " + key + " in: " + sql);
                }
            }
        }
        return out;
    }

    int size(String section) {
        return sections.getOrDefault(section, Map.of()).size();
    }

    /** Every difference from {@code other}, one line each: a key only one side has, or different content. */
    List<String> differences(EndState other) {
        List<String> diffs = new ArrayList<>();
        Set<String> names = new TreeSet<>(sections.keySet());
        names.addAll(other.sections.keySet());
        for (String section : names) {
            Map<String, String> mine = sections.getOrDefault(section, Map.of());
            Map<String, String> theirs = other.sections.getOrDefault(section, Map.of());
            Set<String> keys = new TreeSet<>(mine.keySet());
            keys.addAll(theirs.keySet());
            for (String k : keys) {
                String a = mine.get(k);
                String z = theirs.get(k);
                if (a == null || z == null || !equalJson(a, z)) {
                    diffs.add(section + " [" + k + "]: clean " + a + " / with faults " + z);
                }
            }
        }
        return diffs;
    }

    private static boolean equalJson(String a, String b) {
        try {
            JsonNode x = NotionJson.MAPPER.readTree(a);
            JsonNode y = NotionJson.MAPPER.readTree(b);
            return x.equals(y);
        } catch (Exception e) {
            return a.equals(b);
        }
    }
}
