package io.notionbridge.notion.property;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * A Notion page as the bridge sees it: identity, parent, timestamps, trash state, URL and the properties as plain
 * values ({@link PropertyReader}) keyed by property name in Notion's order. Also finds properties by id, for webhook
 * events that list changed property ids. Built by {@link PageReader}.
 *
 * @param inTrash    {@code in_trash}, or the older {@code archived} alias when {@code in_trash} is absent
 * @param archived   {@code is_archived} (the 2025+ archive state, separate from trash)
 * @param properties property name → plain value (values may be null)
 * @param propertyNames decoded property id → property name
 */
public record PageView(String id, PageParent parent, Instant createdTime, Instant lastEditedTime, boolean inTrash,
                       boolean archived, String url, Map<String, Object> properties,
                       Map<String, String> propertyNames) {

    public PageView {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        propertyNames = Map.copyOf(propertyNames);
    }

    /** The plain value of the property with this name (null when absent or empty). */
    public Object property(String name) {
        return properties.get(name);
    }

    /** The name of the property with this id (URL-encoded or not). */
    public Optional<String> propertyName(String propertyId) {
        return Optional.ofNullable(propertyNames.get(PropertyIds.decode(propertyId)));
    }

    /** The plain value of the property with this id (URL-encoded or not); null when absent or empty. */
    public Object propertyById(String propertyId) {
        return propertyName(propertyId).map(properties::get).orElse(null);
    }

    /**
     * The properties with these ids (e.g. a webhook's {@code updated_properties}) as name → value, in page order.
     * Ids the page does not have are left out.
     */
    public Map<String, Object> propertiesById(Collection<String> propertyIds) {
        Set<String> wanted = new HashSet<>();
        propertyIds.forEach(id -> propertyName(id).ifPresent(wanted::add));
        Map<String, Object> out = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (wanted.contains(name)) {
                out.put(name, value);
            }
        });
        return out;
    }

    /** The properties as a flat JSON object (see {@link FlatJson}). */
    public ObjectNode propertiesJson() {
        return FlatJson.toJson(properties);
    }

    /** {@code {"id": …, "properties": {…}}}: what {@code notion-bridge inspect} prints per page. */
    public ObjectNode toFlatJson() {
        ObjectNode o = NotionJson.object();
        o.put("id", id);
        o.set("properties", propertiesJson());
        return o;
    }
}
