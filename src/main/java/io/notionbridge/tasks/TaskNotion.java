package io.notionbridge.tasks;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the task sync needs from Notion. In the runtime every call goes through the gateway ({@code notionClient},
 * {@code notionIdentity}); tests give a fake.
 */
public interface TaskNotion {

    /** {@code GET /v1/pages/{id}}. */
    JsonNode retrievePage(String pageId);

    /** {@code PATCH /v1/pages/{id}} with {@code body}. */
    JsonNode updatePage(String pageId, ObjectNode body);

    /** The bridge's own bot user id (whose edits the sync ignores). */
    String botId();

    /** The data source ids of a database. */
    List<String> dataSourceIds(String databaseId);

    /** Ids compared the Notion way: without dashes, lower case. */
    static String normalize(String id) {
        return id == null ? null : id.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }

    static boolean sameId(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }
}
