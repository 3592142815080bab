package io.notionbridge.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.error.NotionErrorDetails;
import io.notionbridge.notion.error.NotionObjectNotFoundException;

/** Notion for unit tests: pages by id in the demo "Video Tasks" shape, and a record of every call. */
public final class FakeNotion implements TaskNotion {

    public static final String BOT = "b07b0700-5a4d-4b0c-8e11-000000000b07";
    public static final String PERSON = "9e0c1a2b-3d4e-4f50-8a61-000000000001";
    public static final String DATABASE = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a70";
    public static final String DATA_SOURCE = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a71";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Map<String, ObjectNode> pages = new HashMap<>();
    public final List<String> retrieved = new ArrayList<>();
    public final List<String> updated = new ArrayList<>();
    public final List<ObjectNode> updateBodies = new ArrayList<>();
    public Supplier<RuntimeException> failUpdates;
    public Supplier<RuntimeException> failRetrieves;
    /** Runs inside the next update, as if something changed while the request was under way. */
    public Runnable duringNextUpdate;

    /** A Video Tasks page; null values are left empty. */
    public static ObjectNode page(String id, String title, String channel, String topic, String status, String priority) {
        ObjectNode p = JSON.createObjectNode();
        p.put("object", "page");
        p.put("id", id);
        p.putObject("parent").put("type", "data_source_id").put("data_source_id", DATA_SOURCE).put("database_id", DATABASE);
        p.put("in_trash", false);
        p.put("created_time", "2026-07-04T09:00:00.000Z");
        p.put("last_edited_time", "2026-07-04T09:00:00.000Z");
        ObjectNode props = p.putObject("properties");
        props.set("Title", text("title", "title", title));
        props.set("Topic", text("tpc", "rich_text", topic));
        props.set("Story Direction", text("sdr", "rich_text", null));
        props.set("Channel", option("chn", "select", channel));
        props.set("Status", option("sts", "status", status));
        props.set("Priority", option("prt", "select", priority));
        ObjectNode duration = props.putObject("Duration");
        duration.put("id", "dur").put("type", "formula").putObject("formula").put("type", "string").put("string", "1:00");
        return p;
    }

    private static ObjectNode text(String id, String type, String value) {
        ObjectNode o = JSON.createObjectNode().put("id", id).put("type", type);
        var arr = o.putArray(type);
        if (value != null) {
            arr.addObject().put("type", "text").put("plain_text", value).putObject("text").put("content", value);
        }
        return o;
    }

    private static ObjectNode option(String id, String type, String name) {
        ObjectNode o = JSON.createObjectNode().put("id", id).put("type", type);
        if (name == null) {
            o.putNull(type);
        } else {
            o.putObject(type).put("name", name);
        }
        return o;
    }

    public FakeNotion put(ObjectNode page) {
        pages.put(page.get("id").asText(), page);
        return this;
    }

    @Override
    public JsonNode retrievePage(String pageId) {
        retrieved.add(pageId);
        if (failRetrieves != null) {
            throw failRetrieves.get();
        }
        ObjectNode p = pages.get(pageId);
        if (p == null) {
            throw new NotionObjectNotFoundException(new NotionErrorDetails(404, "object_not_found",
                    "Could not find page with ID: " + pageId, "req-1", null, "GET /v1/pages/" + pageId));
        }
        return p.deepCopy();
    }

    @Override
    public JsonNode updatePage(String pageId, ObjectNode body) {
        updated.add(pageId);
        updateBodies.add(body);
        if (duringNextUpdate != null) {
            Runnable r = duringNextUpdate;
            duringNextUpdate = null;
            r.run();
        }
        if (failUpdates != null) {
            throw failUpdates.get();
        }
        return pages.getOrDefault(pageId, JSON.createObjectNode());
    }

    @Override
    public String botId() {
        return BOT;
    }

    @Override
    public List<String> dataSourceIds(String databaseId) {
        return List.of(DATA_SOURCE);
    }
}
