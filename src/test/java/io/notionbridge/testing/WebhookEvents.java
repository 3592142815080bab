package io.notionbridge.testing;

import java.nio.charset.StandardCharsets;

import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.tasks.webhook.WebhookSignature;

/** Notion webhook events as tests send them to {@code /webhook/notion}: the body, and its signature header value. */
public final class WebhookEvents {

    private WebhookEvents() {
    }

    /** A page event in Notion's shape, made by a person (Maya) in the demo Video Tasks database. */
    public static String pageEvent(String id, String type, String pageId, String timestamp) {
        return "{\"id\":\"" + id + "\",\"timestamp\":\"" + timestamp + "\",\"workspace_id\":\"w\","
                + "\"subscription_id\":\"s\",\"integration_id\":\"i\",\"type\":\"" + type + "\","
                + "\"authors\":[{\"id\":\"" + DemoData.USER_MAYA_ID + "\",\"type\":\"person\"}],\"attempt_number\":1,"
                + "\"api_version\":\"2025-09-03\",\"entity\":{\"id\":\"" + pageId + "\",\"type\":\"page\"},"
                + "\"data\":{\"parent\":{\"id\":\"" + DemoData.VIDEO_TASKS_DATABASE_ID + "\",\"type\":\"database\","
                + "\"data_source_id\":\"" + DemoData.VIDEO_TASKS_DATA_SOURCE_ID + "\"}}}";
    }

    /** The {@code X-Notion-Signature} value of {@code body} under {@code secret}. */
    public static String signature(String secret, String body) {
        return WebhookSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8));
    }
}
