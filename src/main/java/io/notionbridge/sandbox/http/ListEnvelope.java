package io.notionbridge.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.query.Paginator;

/** Notion's list envelope: {@code object:"list", results, next_cursor, has_more, type, <type>:{}}. */
final class ListEnvelope {

    private ListEnvelope() {
    }

    static ObjectNode start() {
        ObjectNode o = Json.object();
        o.put("object", "list");
        o.putArray("results");
        return o;
    }

    static ObjectNode finish(ObjectNode o, Paginator.Slice<?> slice, String type) {
        o.put("next_cursor", slice.nextCursor());
        o.put("has_more", slice.hasMore());
        o.put("type", type);
        o.putObject(type);
        if (slice.truncated()) {
            ObjectNode status = o.putObject("request_status");
            status.put("type", "incomplete");
            status.put("incomplete_reason", "query_result_limit_reached");
        }
        return o;
    }
}
