package io.notionbridge.sandbox.admin;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.NotionTime;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.webhook.WebhookDelivery;
import io.notionbridge.sandbox.webhook.WebhookOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * The admin API's data calls: {@code /_sandbox/webhooks} (subscribe, show deliveries, unsubscribe),
 * {@code /_sandbox/seed/pages} (many pages at once, outside the rate limit) and {@code /_sandbox/ui/pages}
 * (edits as a person in the Notion UI, so webhook events name a person, not the bot).
 */
public final class AdminDataApi {

    private final NotionSandbox sandbox;

    public AdminDataApi(NotionSandbox sandbox) {
        this.sandbox = sandbox;
    }

    public void register(Router r) {
        r.route(HttpMethod.GET, "/_sandbox/webhooks").handler(AdminJson.handler((ctx, b) -> webhooks()));
        r.route(HttpMethod.POST, "/_sandbox/webhooks").handler(AdminJson.handler((ctx, b) -> {
            sandbox.subscribeWebhook(webhookOptions(b));
            return webhooks();
        }));
        r.route(HttpMethod.DELETE, "/_sandbox/webhooks").handler(AdminJson.handler((ctx, b) -> {
            sandbox.webhooks().unsubscribe();
            return webhooks();
        }));
        r.route(HttpMethod.POST, "/_sandbox/seed/pages").handler(AdminJson.handler((ctx, b) -> seed(b)));
        r.route(HttpMethod.POST, "/_sandbox/ui/pages").handler(AdminJson.handler((ctx, b) -> {
            String ds = NotionIds.normalize(b.path("data_source_id").asText()).orElseThrow(() ->
                    new IllegalArgumentException("data_source_id must be a data source id"));
            return page(sandbox.createAsPerson(ds, b.path("user_id").asText(), b.get("properties")));
        }));
        r.route(HttpMethod.POST, "/_sandbox/ui/pages/:id").handler(AdminJson.handler((ctx, b) -> {
            String id = NotionIds.normalize(ctx.pathParam("id")).orElseThrow(() ->
                    new IllegalArgumentException("not a page id: " + ctx.pathParam("id")));
            return page(sandbox.editAsPerson(id, b.path("user_id").asText(), b));
        }));
    }

    static WebhookOptions webhookOptions(ObjectNode b) {
        return new WebhookOptions(b.path("url").asText(null), b.path("verification_token").asText(null),
                b.path("api_version").asText(null), b.path("max_attempts").asInt(8),
                Duration.ofMillis(b.path("retry_base_delay_ms").asLong(200)), b.path("duplicate_probability").asDouble(0),
                b.path("reorder_batch").asInt(0), Duration.ofMillis(b.path("reorder_hold_ms").asLong(300)));
    }

    private ObjectNode webhooks() {
        ObjectNode o = Json.object();
        o.set("subscription", sandbox.webhooks().subscription().map(s -> (JsonNode) s.toJson())
                .orElse(Json.NODES.nullNode()));
        ArrayNode d = o.putArray("deliveries");
        for (WebhookDelivery delivery : sandbox.webhooks().deliveries()) {
            d.add(delivery.toJson());
        }
        return o;
    }

    /** {@code {"data_source_id":…, "count":N, "properties":{…}}}: N pages, each with the given properties. */
    private ObjectNode seed(ObjectNode b) {
        String ds = NotionIds.normalize(b.path("data_source_id").asText()).orElseThrow(() ->
                new IllegalArgumentException("data_source_id must be a data source id"));
        int count = b.path("count").asInt(1);
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("count must be between 1 and 100000");
        }
        JsonNode props = b.get("properties");
        List<String> ids = sandbox.seedPages(ds, count, i -> props);
        ObjectNode o = Json.object();
        o.put("created", ids.size());
        ArrayNode first = o.putArray("first_ids");
        ids.stream().limit(10).forEach(first::add);
        return o;
    }

    private static ObjectNode page(PageRecord p) {
        return Json.object().put("id", p.id).put("last_edited_time", NotionTime.format(p.lastEditedTime))
                .put("last_edited_by", p.lastEditedBy).put("in_trash", p.inTrash);
    }
}
