package io.notionbridge.sandbox.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.PageChange;
import io.notionbridge.sandbox.model.SandboxIdentity;

/**
 * Builds integration webhook events in Notion's shape: ids only (the receiver reads the page itself), the author
 * ({@code bot} for API writes, {@code person} for edits in the UI), {@code attempt_number}, {@code api_version},
 * {@code entity} and {@code data.parent} (with {@code data_source_id} from 2025-09-03), {@code updated_properties}.
 */
public final class WebhookEventFactory {

    private WebhookEventFactory() {
    }

    /** The event for {@code change} at attempt 1; {@link #withAttempt} makes the retries. */
    public static ObjectNode event(PageChange change, SandboxIdentity identity, String subscriptionId, String apiVersion) {
        ObjectNode e = Json.object();
        e.put("id", NotionIds.newId());
        e.put("timestamp", io.notionbridge.sandbox.model.NotionTime.format(change.at()));
        e.put("workspace_id", identity.workspaceId());
        e.put("workspace_name", identity.workspaceName());
        e.put("subscription_id", subscriptionId);
        e.put("integration_id", identity.integrationId());
        e.put("type", change.type().eventType());
        ObjectNode author = e.putArray("authors").addObject();
        author.put("id", change.author().id());
        author.put("type", change.author().type());
        e.put("attempt_number", 1);
        e.put("api_version", apiVersion);
        ObjectNode entity = e.putObject("entity");
        entity.put("id", change.pageId());
        entity.put("type", "page");
        ObjectNode data = e.putObject("data");
        ObjectNode parent = data.putObject("parent");
        switch (change.parent().kind()) {
            case DATA_SOURCE -> {
                parent.put("id", change.databaseId());
                parent.put("type", "database");
                if (!"2022-06-28".equals(apiVersion)) {
                    parent.put("data_source_id", change.parent().id());
                }
            }
            case PAGE -> {
                parent.put("id", change.parent().id());
                parent.put("type", "page");
            }
            case WORKSPACE -> {
                parent.put("id", identity.workspaceId());
                parent.put("type", "space");
            }
        }
        if (change.type() == PageChange.Type.PROPERTIES_UPDATED) {
            change.updatedPropertyIds().forEach(data.putArray("updated_properties")::add);
        }
        return e;
    }

    public static ObjectNode withAttempt(ObjectNode event, int attempt) {
        ObjectNode copy = event.deepCopy();
        copy.put("attempt_number", attempt);
        return copy;
    }
}
