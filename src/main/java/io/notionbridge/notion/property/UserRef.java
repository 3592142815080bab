package io.notionbridge.notion.property;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * A person, bot or group in a {@code people} value: the id always, name and email when Notion sent them (partial
 * user objects carry only the id). As JSON: {@code {"id":…,"name":…,"email":…}} without the absent fields.
 */
public record UserRef(String id, String name, String email) {

    static UserRef fromJson(JsonNode user) {
        String name = user.path("name").isTextual() ? user.get("name").asText() : null;
        JsonNode email = user.path("person").path("email");
        return new UserRef(user.path("id").asText(null), name, email.isTextual() ? email.asText() : null);
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode n = NotionJson.object();
        n.put("id", id);
        if (name != null) {
            n.put("name", name);
        }
        if (email != null) {
            n.put("email", email);
        }
        return n;
    }
}
