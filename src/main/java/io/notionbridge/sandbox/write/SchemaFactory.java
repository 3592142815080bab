package io.notionbridge.sandbox.write;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;

/**
 * Turns a property configuration from a create-database request (or the demo data) into a schema property in
 * Notion's response shape: {@code {id, name, description, type, <type>:{config}}}. Option ids and property ids are
 * derived from the data source id and names, so the same input always gives the same ids.
 */
public final class SchemaFactory {

    static final String[] COLORS = {"default", "gray", "brown", "orange", "yellow", "green", "blue", "purple", "pink", "red"};
    private static final Set<String> EMPTY_CONFIG_TYPES = Set.of("title", "rich_text", "date", "people", "files",
            "checkbox", "url", "email", "phone_number", "created_time", "created_by", "last_edited_time",
            "last_edited_by", "button", "place", "location", "verification");
    private static final Set<String> ALL_TYPES;

    static {
        java.util.HashSet<String> all = new java.util.HashSet<>(EMPTY_CONFIG_TYPES);
        all.addAll(Set.of("number", "select", "multi_select", "status", "formula", "relation", "unique_id"));
        ALL_TYPES = Set.copyOf(all);
    }

    /** Finds the database id of a data source, and the first data source of a database (for old-style relations). */
    private final Function<String, Optional<String>> databaseOfDataSource;
    private final Function<String, Optional<String>> dataSourceOfDatabase;

    public SchemaFactory(Function<String, Optional<String>> databaseOfDataSource,
                         Function<String, Optional<String>> dataSourceOfDatabase) {
        this.databaseOfDataSource = databaseOfDataSource;
        this.dataSourceOfDatabase = dataSourceOfDatabase;
    }

    /** The schema property named {@code name}, configured by {@code config} (e.g. {@code {"select":{"options":[…]}}}). */
    public ObjectNode build(String dataSourceId, String name, JsonNode config) {
        String type = typeOf(name, config);
        ObjectNode p = Json.object();
        p.put("id", "title".equals(type) ? "title" : NotionIds.propertyId(dataSourceId + "/" + name));
        p.put("name", name);
        JsonNode description = config.get("description");
        if (description != null && description.isTextual()) {
            p.put("description", description.asText());
        } else {
            p.putNull("description");
        }
        p.put("type", type);
        JsonNode in = config.path(type);
        String seed = dataSourceId + "/" + name;
        switch (type) {
            case "number" -> p.putObject("number").put("format", in.path("format").asText("number"));
            case "select", "multi_select" -> p.putObject(type).set("options", options(seed, in.path("options")));
            case "status" -> p.set("status", status(seed, in));
            case "formula" -> p.putObject("formula").put("expression", in.path("expression").asText(""));
            case "unique_id" -> {
                ObjectNode u = p.putObject("unique_id");
                JsonNode prefix = in.get("prefix");
                if (prefix != null && prefix.isTextual()) {
                    u.put("prefix", prefix.asText());
                } else {
                    u.putNull("prefix");
                }
            }
            case "relation" -> p.set("relation", relation(name, in));
            default -> p.putObject(type);
        }
        return p;
    }

    private static String typeOf(String name, JsonNode config) {
        JsonNode t = config.get("type");
        if (t != null && t.isTextual()) {
            return checkType(name, t.asText());
        }
        for (java.util.Iterator<String> it = config.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (ALL_TYPES.contains(key)) {
                return key;
            }
            if (key.equals("rollup")) {
                throw ApiError.validation("The Notion sandbox does not support rollup properties (property " + name + ").");
            }
        }
        throw ApiError.bodyValidation("properties." + name, "an object with one property type key such as `title`, "
                + "`rich_text`, `number`, `select`", Json.write(config));
    }

    private static String checkType(String name, String type) {
        if (!ALL_TYPES.contains(type)) {
            throw ApiError.validation("Unsupported property type " + type + " for property " + name + ".");
        }
        return type;
    }

    private ObjectNode relation(String name, JsonNode in) {
        String ds = in.path("data_source_id").asText(null);
        String db = in.path("database_id").asText(null);
        if (ds != null) {
            ds = NotionIds.normalize(ds).orElseThrow(() -> ApiError.validation("Relation property " + name
                    + " has an invalid data_source_id."));
            db = databaseOfDataSource.apply(ds).orElse(db);
        } else if (db != null) {
            db = NotionIds.normalize(db).orElseThrow(() -> ApiError.validation("Relation property " + name
                    + " has an invalid database_id."));
            ds = dataSourceOfDatabase.apply(db).orElse(null);
        }
        if (ds == null) {
            throw ApiError.bodyValidation("properties." + name + ".relation.data_source_id", "defined", "undefined");
        }
        ObjectNode r = Json.object();
        r.put("database_id", db);
        r.put("data_source_id", ds);
        r.put("type", "single_property");
        r.putObject("single_property");
        return r;
    }

    /** A select/multi_select/status option with a stable id. */
    public static ObjectNode option(String seed, String name, String color, int index) {
        if (name.contains(",")) {
            throw ApiError.validation("Select option names cannot contain commas: \"" + name + "\".");
        }
        ObjectNode o = Json.object();
        o.put("id", UUID.nameUUIDFromBytes((seed + "/" + name.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString());
        o.put("name", name);
        o.put("color", color != null ? color : COLORS[Math.floorMod(index + 1, COLORS.length)]);
        o.putNull("description");
        return o;
    }

    private static ArrayNode options(String seed, JsonNode in) {
        ArrayNode out = Json.array();
        int i = 0;
        for (JsonNode o : in) {
            String name = o.isTextual() ? o.asText() : o.path("name").asText();
            String color = o.path("color").isTextual() ? o.path("color").asText() : null;
            out.add(option(seed, name, color, i++));
        }
        return out;
    }

    /**
     * Status: options in groups. Groups may name their options ({@code option_names}, a sandbox convenience) or list
     * {@code option_ids}; with no options at all Notion's defaults (Not started / In progress / Done) are used.
     */
    private static ObjectNode status(String seed, JsonNode in) {
        ObjectNode s = Json.object();
        ArrayNode options = options(seed, in.path("options"));
        ArrayNode groups = Json.array();
        if (options.isEmpty() && !in.has("groups")) {
            options.add(option(seed, "Not started", "default", 0));
            options.add(option(seed, "In progress", "blue", 0));
            options.add(option(seed, "Done", "green", 0));
            groups.add(group(seed, "To-do", "gray", options.get(0)));
            groups.add(group(seed, "In progress", "blue", options.get(1)));
            groups.add(group(seed, "Complete", "green", options.get(2)));
        } else {
            Map<String, ObjectNode> byName = new HashMap<>();
            options.forEach(o -> byName.put(o.path("name").asText(), (ObjectNode) o));
            for (JsonNode g : in.path("groups")) {
                ObjectNode group = group(seed, g.path("name").asText(), g.path("color").asText("gray"));
                for (JsonNode n : g.path("option_names")) {
                    ObjectNode o = byName.computeIfAbsent(n.asText(), k -> {
                        ObjectNode added = option(seed, k, null, byName.size());
                        options.add(added);
                        return added;
                    });
                    ((ArrayNode) group.get("option_ids")).add(o.get("id").asText());
                }
                g.path("option_ids").forEach(id -> ((ArrayNode) group.get("option_ids")).add(id.asText()));
                groups.add(group);
            }
            if (groups.isEmpty()) {
                ObjectNode todo = group(seed, "To-do", "gray");
                options.forEach(o -> ((ArrayNode) todo.get("option_ids")).add(o.get("id").asText()));
                groups.add(todo);
            }
        }
        s.set("options", options);
        s.set("groups", groups);
        return s;
    }

    private static ObjectNode group(String seed, String name, String color, JsonNode... members) {
        ObjectNode g = Json.object();
        g.put("id", UUID.nameUUIDFromBytes((seed + "/group/" + name).getBytes(StandardCharsets.UTF_8)).toString());
        g.put("name", name);
        g.put("color", color);
        ArrayNode ids = g.putArray("option_ids");
        for (JsonNode m : members) {
            ids.add(m.get("id").asText());
        }
        return g;
    }
}
