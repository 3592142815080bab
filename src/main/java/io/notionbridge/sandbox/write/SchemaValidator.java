package io.notionbridge.sandbox.write;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.DataSourceRecord;
import io.notionbridge.sandbox.model.Json;

/**
 * Validates the {@code properties} of a page write against the schema of its data source: every key must name a
 * property (by name or id), the value must be of the property's type, read-only properties (formula, unique id,
 * timestamps…) cannot be written, status options must exist. Returns the stored values keyed by property id and the
 * schema changes (new select options) to apply once the whole request is valid.
 */
public final class SchemaValidator {

    private static final Set<String> VALUE_KEYS = Set.of("title", "rich_text", "number", "select", "multi_select",
            "status", "date", "people", "files", "checkbox", "url", "email", "phone_number", "relation", "formula",
            "rollup", "created_time", "created_by", "last_edited_time", "last_edited_by", "unique_id", "button");

    /** What a valid write stores, and the schema changes it implies. */
    public record Result(Map<String, JsonNode> values, List<Runnable> schemaChanges) {
        public void applySchemaChanges() {
            schemaChanges.forEach(Runnable::run);
        }
    }

    private SchemaValidator() {
    }

    /** Validates {@code properties} of a page in {@code dataSource}. Call while holding the store's lock. */
    public static Result validate(DataSourceRecord dataSource, JsonNode properties) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<Runnable> changes = new ArrayList<>();
        if (properties == null || properties.isNull() || properties.isMissingNode()) {
            return new Result(values, changes);
        }
        if (!properties.isObject()) {
            throw ApiError.bodyValidation("properties", "an object", Json.write(properties));
        }
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            ObjectNode schema = dataSource.property(e.getKey()).orElseThrow(() -> ApiError.validation(
                    e.getKey() + " is not a property that exists."));
            JsonNode value = unwrap(schema, e.getValue());
            values.put(schema.path("id").asText(),
                    PropertyValueWriter.convert(schema, value, "properties." + e.getKey() + "." + schema.path("type").asText(),
                            changes));
        }
        return new Result(values, changes);
    }

    /** Validates the properties of a page whose parent is a page or the workspace: only its title. */
    public static Result validateStandalone(JsonNode properties) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (properties == null || properties.isNull() || properties.isMissingNode()) {
            return new Result(values, List.of());
        }
        if (!properties.isObject()) {
            throw ApiError.bodyValidation("properties", "an object", Json.write(properties));
        }
        ObjectNode titleSchema = Json.object().put("id", "title").put("name", "title").put("type", "title");
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("title")) {
                throw ApiError.validation(e.getKey() + " is not a property that exists.");
            }
            JsonNode value = unwrap(titleSchema, e.getValue());
            values.put("title", RichTextInput.normalize(value, "properties.title.title"));
        }
        return new Result(values, List.of());
    }

    /** The value under the property's type key, or a Notion "is expected to be" error for another type. */
    private static JsonNode unwrap(ObjectNode schema, JsonNode input) {
        String type = schema.path("type").asText();
        String name = schema.path("name").asText();
        if (input != null && input.isObject()) {
            if (input.has(type)) {
                return input.get(type);
            }
            Optional<String> other = otherTypeKey(input);
            if (other.isPresent()) {
                throw ApiError.validation(name + " is expected to be " + type + ".");
            }
        }
        if (isReadOnly(type)) {
            throw ApiError.validation(name + " is a " + type + " property, which cannot be updated.");
        }
        throw ApiError.validation(name + " is expected to be " + type + ".");
    }

    private static Optional<String> otherTypeKey(JsonNode input) {
        for (Iterator<String> names = input.fieldNames(); names.hasNext(); ) {
            String k = names.next();
            if (VALUE_KEYS.contains(k)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    static boolean isReadOnly(String type) {
        return Set.of("formula", "rollup", "created_time", "created_by", "last_edited_time", "last_edited_by",
                "unique_id", "button", "verification").contains(type);
    }
}
