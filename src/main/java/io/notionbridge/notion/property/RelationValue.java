package io.notionbridge.notion.property;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * A relation as read from a page: the related page ids and Notion's {@code has_more}, true when the page object
 * showed only the first 25 and the rest must be read from the page property item endpoint.
 * As JSON: {@code {"ids":[…],"has_more":false}}.
 */
public record RelationValue(List<String> ids, boolean hasMore) {

    public RelationValue {
        ids = List.copyOf(ids);
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode n = NotionJson.object();
        ids.forEach(n.putArray("ids")::add);
        n.put("has_more", hasMore);
        return n;
    }
}
