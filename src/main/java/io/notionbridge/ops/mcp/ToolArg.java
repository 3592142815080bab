package io.notionbridge.ops.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One argument of a tool: its name in MCP, the job header it becomes (null for {@code dry_run}, which is the job
 * service's own flag), its JSON type, what it means, and for integers the range allowed.
 */
public record ToolArg(String name, String header, Type type, String description, long min, long max) {

    /** JSON types an argument can have. */
    public enum Type {
        BOOLEAN("boolean"), INTEGER("integer"), STRING("string");

        final String json;

        Type(String json) {
            this.json = json;
        }
    }

    /** {@code dry_run}: run the job without writing anything. */
    public static final ToolArg DRY_RUN = new ToolArg("dry_run", null, Type.BOOLEAN,
            "true: do the reading and report what would change, write nothing (default false)", 0, 0);

    public static ToolArg flag(String name, String header, String description) {
        return new ToolArg(name, header, Type.BOOLEAN, description, 0, 0);
    }

    public static ToolArg integer(String name, String header, String description, int min, int max) {
        return new ToolArg(name, header, Type.INTEGER, description, min, max);
    }

    public static ToolArg text(String name, String header, String description) {
        return new ToolArg(name, header, Type.STRING, description, 0, 0);
    }

    /** Its JSON schema (for {@code inputSchema}). */
    ObjectNode schema() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("type", type.json);
        s.put("description", description);
        if (type == Type.INTEGER) {
            s.put("minimum", min);
            s.put("maximum", max);
        }
        if (type == Type.STRING) {
            s.put("minLength", 1);
        }
        return s;
    }

    /** Null when {@code value} fits, else what is wrong with it. */
    String problem(JsonNode value) {
        switch (type) {
            case BOOLEAN:
                return value.isBoolean() ? null : name + " must be true or false, got " + value;
            case INTEGER:
                if (!value.isNumber() || !value.canConvertToExactIntegral()) {
                    return name + " must be a whole number, got " + value;
                }
                long v = value.asLong();
                return v < min || v > max ? name + " must be between " + min + " and " + max + ", got " + v : null;
            case STRING:
            default:
                if (!value.isTextual()) {
                    return name + " must be a string, got " + value;
                }
                return value.asText().isBlank() ? name + " must not be empty" : null;
        }
    }

    /** The value to pass to the job. */
    Object value(JsonNode value) {
        return switch (type) {
            case BOOLEAN -> value.asBoolean();
            case INTEGER -> Math.toIntExact(value.asLong());
            case STRING -> value.asText().trim();
        };
    }
}
