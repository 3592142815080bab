package io.notionbridge.sandbox.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionTime;
import io.notionbridge.sandbox.model.PageParent;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.model.RichText;
import io.notionbridge.sandbox.model.SandboxUser;
import io.notionbridge.sandbox.store.SandboxStore;
import io.notionbridge.sandbox.write.DatabaseFactory;
import io.notionbridge.sandbox.write.PageService;

/**
 * Loads the demo workspace from {@code classpath:sandbox/demo/}: {@code workspace.json} (root page, people, the list
 * of database files), then each database file (fixed ids, schema, pages). Page values are written in a short form
 * (a string for text, select and status; a list of names or ids; a number) and go through the same schema
 * validation as API writes. Times are given as days before now.
 */
public final class DemoDataLoader {

    private static final String BASE = "sandbox/demo/";

    private final SandboxStore store;
    private final PageService pages;
    private final DatabaseFactory databases;
    private final Clock clock;

    public DemoDataLoader(SandboxStore store, PageService pages, DatabaseFactory databases, Clock clock) {
        this.store = store;
        this.pages = pages;
        this.databases = databases;
        this.clock = clock;
    }

    /** Loads everything; returns the number of pages created. */
    public int load() {
        JsonNode workspace = read("workspace.json");
        for (JsonNode u : workspace.path("users")) {
            store.addUser(SandboxUser.person(u.path("id").asText(), u.path("name").asText(), u.path("email").asText()));
        }
        SandboxUser bot = store.bot();
        Instant now = clock.instant();
        JsonNode root = workspace.path("root_page");
        ObjectNode rootProps = Json.object();
        rootProps.putObject("title").set("title", Json.array().add(Json.object().set("text",
                Json.object().put("content", root.path("title").asText()))));
        pages.create(root.path("id").asText(), PageParent.workspace(), rootProps, null, null, bot,
                now.minus(Duration.ofDays(365)), false);
        List<JsonNode> files = new ArrayList<>();
        for (JsonNode name : workspace.path("databases")) {
            JsonNode file = read(name.asText() + ".json");
            files.add(file);
            databases.create(new DatabaseFactory.Spec(file.path("database_id").asText(), file.path("data_source_id").asText(),
                    PageParent.page(root.path("id").asText()), RichText.of(file.path("title").asText()),
                    RichText.of(file.path("description").asText()), false, file.get("icon"), file.path("properties")), bot.id());
        }
        int count = 0;
        for (JsonNode file : files) {
            DataSourceRecord ds = store.dataSource(file.path("data_source_id").asText()).orElseThrow();
            for (JsonNode p : file.path("pages")) {
                createPage(ds, p, bot, now);
                count++;
            }
        }
        return count;
    }

    private void createPage(DataSourceRecord ds, JsonNode p, SandboxUser bot, Instant now) {
        ObjectNode props = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ObjectNode schema = ds.property(e.getKey()).orElseThrow(() -> new IllegalStateException(
                    "demo data: " + e.getKey() + " is not a property of " + RichText.plain(ds.title)));
            props.set(e.getKey(), writeValue(schema.path("type").asText(), e.getValue()));
        }
        Instant created = now.minus(Duration.ofDays(p.path("created_days_ago").asLong(0)));
        PageRecord page = pages.create(p.path("id").asText(), PageParent.dataSource(ds.id), props, null, null, bot,
                created, false);
        Instant edited = now.minus(Duration.ofDays(p.path("edited_days_ago").asLong(0)));
        synchronized (store) {
            page.lastEditedTime = NotionTime.toMinute(edited.isBefore(created) ? created : edited);
            page.inTrash = p.path("in_trash").asBoolean(false);
            for (Iterator<Map.Entry<String, JsonNode>> it = p.path("formula").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ds.property(e.getKey()).ifPresent(s -> page.values.put(s.path("id").asText(), e.getValue().deepCopy()));
            }
        }
    }

    /** The API write form of a short demo value for a property of {@code type}. */
    static JsonNode writeValue(String type, JsonNode v) {
        ObjectNode out = Json.object();
        switch (type) {
            case "title", "rich_text" -> out.set(type, Json.array().add(Json.object().set("text",
                    Json.object().put("content", v.asText()))));
            case "select", "status" -> out.set(type, Json.object().put("name", v.asText()));
            case "multi_select" -> out.set(type, each(v, "name"));
            case "relation", "people" -> out.set(type, each(v, "id"));
            case "date" -> out.set(type, Json.object().put("start", v.asText()));
            default -> out.set(type, v);
        }
        return out;
    }

    private static ArrayNode each(JsonNode values, String key) {
        ArrayNode a = Json.array();
        values.forEach(x -> a.add(Json.object().put(key, x.asText())));
        return a;
    }

    private static JsonNode read(String name) {
        try (InputStream in = DemoDataLoader.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("demo data file " + BASE + name + " is missing from the classpath");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo data file " + BASE + name + ": " + e.getMessage(), e);
        }
    }
}
