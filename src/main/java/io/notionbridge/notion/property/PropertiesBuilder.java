package io.notionbridge.notion.property;

import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.error.NotionValidationException;

/**
 * Collects named property values into the {@code properties} object of a create or update request, checking every
 * value against Notion's limits as it is added ({@link PropertyValues}) and the whole against the payload size.
 * <pre>{@code
 * ObjectNode properties = new PropertiesBuilder()
 *         .title("Name", "Acme")
 *         .richText("Why Now", whyNow)
 *         .status("Stage", "Lead")
 *         .build();
 * }</pre>
 * Not thread-safe; one builder per request.
 */
public final class PropertiesBuilder {

    private final ObjectNode properties = NotionJson.object();

    public PropertiesBuilder title(String name, String text) {
        return put(name, PropertyValues.title(name, text));
    }

    public PropertiesBuilder richText(String name, String text) {
        return put(name, PropertyValues.richText(name, text));
    }

    public PropertiesBuilder number(String name, Number value) {
        return put(name, PropertyValues.number(name, value));
    }

    public PropertiesBuilder select(String name, String option) {
        return put(name, PropertyValues.select(name, option));
    }

    public PropertiesBuilder status(String name, String option) {
        return put(name, PropertyValues.status(name, option));
    }

    public PropertiesBuilder multiSelect(String name, List<String> options) {
        return put(name, PropertyValues.multiSelect(name, options));
    }

    public PropertiesBuilder date(String name, Temporal start) {
        return put(name, PropertyValues.date(name, start));
    }

    public PropertiesBuilder date(String name, Temporal start, Temporal end) {
        return put(name, PropertyValues.date(name, start, end));
    }

    public PropertiesBuilder checkbox(String name, boolean checked) {
        return put(name, PropertyValues.checkbox(name, checked));
    }

    public PropertiesBuilder url(String name, String url) {
        return put(name, PropertyValues.url(name, url));
    }

    public PropertiesBuilder email(String name, String email) {
        return put(name, PropertyValues.email(name, email));
    }

    public PropertiesBuilder phoneNumber(String name, String phone) {
        return put(name, PropertyValues.phoneNumber(name, phone));
    }

    public PropertiesBuilder relation(String name, List<String> pageIds) {
        return put(name, PropertyValues.relation(name, pageIds));
    }

    public PropertiesBuilder people(String name, List<String> userIds) {
        return put(name, PropertyValues.people(name, userIds));
    }

    /** Adds a value built elsewhere (e.g. a type the builder has no method for). Each name may be set once. */
    public PropertiesBuilder put(String name, JsonNode value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("property name cannot be empty");
        }
        if (properties.has(name)) {
            throw new IllegalArgumentException("property '" + name + "' is set twice");
        }
        properties.set(name, value.deepCopy());
        return this;
    }

    public boolean isEmpty() {
        return properties.isEmpty();
    }

    /**
     * The {@code properties} object (a copy).
     *
     * @throws NotionValidationException when it is over Notion's payload limit
     */
    public ObjectNode build() {
        int bytes = size(properties);
        if (bytes > NotionLimits.PAYLOAD_BYTES) {
            throw NotionValidationException.clientSide(String.format(Locale.ROOT,
                    "properties: %,d bytes of property values are over Notion's 500 KB request limit;"
                            + " write long text in several updates or as page content", bytes));
        }
        return properties.deepCopy();
    }

    /** {@code {"properties": …}}: the body of an update, or the start of a create body. */
    public ObjectNode body() {
        ObjectNode body = NotionJson.object();
        body.set("properties", build());
        return body;
    }

    private static int size(JsonNode node) {
        try {
            return NotionJson.MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise properties", e);
        }
    }
}
