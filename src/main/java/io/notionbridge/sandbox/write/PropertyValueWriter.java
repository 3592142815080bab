package io.notionbridge.sandbox.write;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.NotionTime;

/**
 * Converts one property value from a write request into the stored value for its schema type, failing with Notion's
 * {@code validation_error} messages. An unknown select or multi-select name becomes a new option (added to the schema
 * through {@code schemaChanges} once the whole request is valid); an unknown status name is an error.
 */
final class PropertyValueWriter {

    private PropertyValueWriter() {
    }

    static JsonNode convert(ObjectNode schema, JsonNode value, String path, List<Runnable> schemaChanges) {
        String type = schema.path("type").asText();
        String name = schema.path("name").asText();
        return switch (type) {
            case "title", "rich_text" -> RichTextInput.normalize(value, path);
            case "number" -> {
                if (!value.isNull() && !value.isNumber()) {
                    throw ApiError.bodyValidation(path, "a number or `null`", Json.write(value));
                }
                yield value;
            }
            case "checkbox" -> {
                if (!value.isBoolean()) {
                    throw ApiError.bodyValidation(path, "a boolean", Json.write(value));
                }
                yield value;
            }
            case "url", "email", "phone_number" -> {
                if (!value.isNull() && !value.isTextual()) {
                    throw ApiError.bodyValidation(path, "a string or `null`", Json.write(value));
                }
                yield value.isTextual() && value.asText().isEmpty() ? NullNode.getInstance() : value;
            }
            case "select" -> value.isNull() ? value : option(schema, name, "select", value, path, schemaChanges);
            case "status" -> status(schema, name, value, path);
            case "multi_select" -> {
                requireArray(value, path);
                ArrayNode out = Json.array();
                for (int i = 0; i < value.size(); i++) {
                    out.add(option(schema, name, "multi_select", value.get(i), path + "[" + i + "]", schemaChanges));
                }
                yield out;
            }
            case "date" -> date(value, path);
            case "people" -> references(value, path, true);
            case "relation" -> references(value, path, false);
            case "files" -> files(value, path);
            default -> throw ApiError.validation(name + " is a " + type + " property, which cannot be updated.");
        };
    }

    private static void requireArray(JsonNode value, String path) {
        if (!value.isArray()) {
            throw ApiError.bodyValidation(path, "an array", Json.write(value));
        }
    }

    private static ArrayNode options(ObjectNode schema, String type) {
        return (ArrayNode) schema.path(type).path("options");
    }

    private static Optional<JsonNode> find(ArrayNode options, JsonNode ref) {
        String id = ref.path("id").asText(null);
        String name = ref.path("name").asText(null);
        for (JsonNode o : options) {
            if ((id != null && id.equals(o.path("id").asText()))
                    || (id == null && name != null && name.equalsIgnoreCase(o.path("name").asText()))) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    private static JsonNode option(ObjectNode schema, String propName, String type, JsonNode ref, String path,
                                   List<Runnable> schemaChanges) {
        if (!ref.isObject() || (!ref.has("name") && !ref.has("id"))) {
            throw ApiError.bodyValidation(path, "an object with `name` or `id`", Json.write(ref));
        }
        ArrayNode options = options(schema, type);
        Optional<JsonNode> found = find(options, ref);
        if (found.isPresent()) {
            return brief(found.get());
        }
        if (!ref.has("name")) {
            throw ApiError.validation("Invalid select option id \"" + ref.path("id").asText() + "\" for property "
                    + propName + ".");
        }
        String name = ref.path("name").asText();
        if (name.isBlank()) {
            throw ApiError.bodyValidation(path + ".name", "a non-empty string", name);
        }
        String color = ref.path("color").isTextual() ? ref.path("color").asText() : null;
        ObjectNode added = SchemaFactory.option(schema.path("id").asText() + "/" + propName, name, color, options.size());
        schemaChanges.add(() -> {
            if (find(options, added).isEmpty()) {
                options.add(added);
            }
        });
        return brief(added);
    }

    private static JsonNode status(ObjectNode schema, String propName, JsonNode ref, String path) {
        ArrayNode options = options(schema, "status");
        if (ref.isNull()) {
            // Notion resets a cleared status to the first option of the first group ("Not started")
            JsonNode firstGroup = schema.path("status").path("groups").path(0).path("option_ids").path(0);
            for (JsonNode o : options) {
                if (o.path("id").asText().equals(firstGroup.asText())) {
                    return brief(o);
                }
            }
            return options.isEmpty() ? ref : brief(options.get(0));
        }
        if (!ref.isObject() || (!ref.has("name") && !ref.has("id"))) {
            throw ApiError.bodyValidation(path, "an object with `name` or `id`", Json.write(ref));
        }
        return find(options, ref).map(PropertyValueWriter::brief).orElseThrow(() -> ApiError.validation(
                "Invalid status option. Status option \"" + ref.path("name").asText(ref.path("id").asText())
                        + "\" does not exist"));
    }

    /** The option as page values carry it: {@code {id,name,color}}. */
    private static JsonNode brief(JsonNode option) {
        ObjectNode o = Json.object();
        o.put("id", option.path("id").asText());
        o.put("name", option.path("name").asText());
        o.put("color", option.path("color").asText("default"));
        return o;
    }

    private static JsonNode date(JsonNode value, String path) {
        if (value.isNull()) {
            return value;
        }
        JsonNode start = value.get("start");
        if (!value.isObject() || start == null || !start.isTextual() || !NotionTime.isValid(start.asText())) {
            throw ApiError.bodyValidation(path + ".start", "a valid ISO 8601 date or date-time",
                    start == null ? "undefined" : start.asText());
        }
        ObjectNode d = Json.object();
        d.put("start", start.asText());
        JsonNode end = value.get("end");
        if (end != null && end.isTextual()) {
            if (!NotionTime.isValid(end.asText())) {
                throw ApiError.bodyValidation(path + ".end", "a valid ISO 8601 date or date-time", end.asText());
            }
            d.put("end", end.asText());
        } else {
            d.putNull("end");
        }
        JsonNode tz = value.get("time_zone");
        if (tz != null && tz.isTextual()) {
            d.put("time_zone", tz.asText());
        } else {
            d.putNull("time_zone");
        }
        return d;
    }

    private static JsonNode references(JsonNode value, String path, boolean users) {
        requireArray(value, path);
        ArrayNode out = Json.array();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            String raw = value.get(i).path("id").asText(null);
            String itemPath = path + "[" + i + "].id";
            String id = NotionIds.normalize(raw).orElseThrow(() -> ApiError.bodyValidation(itemPath, "a valid uuid",
                    raw == null ? "undefined" : raw));
            if (seen.add(id)) {
                out.add(users ? Json.partialUser(id) : Json.object().put("id", id));
            }
        }
        return out;
    }

    private static JsonNode files(JsonNode value, String path) {
        requireArray(value, path);
        ArrayNode out = Json.array();
        for (int i = 0; i < value.size(); i++) {
            JsonNode f = value.get(i);
            String url = f.path("external").path("url").asText(null);
            if (url == null) {
                throw ApiError.bodyValidation(path + "[" + i + "].external.url", "defined", "undefined");
            }
            ObjectNode o = Json.object();
            o.put("name", f.path("name").asText(url.substring(url.lastIndexOf('/') + 1)));
            o.put("type", "external");
            o.putObject("external").put("url", url);
            out.add(o);
        }
        return out;
    }
}
