package io.notionbridge.tasks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.tasks.webhook.WebhookSignature;
import io.notionbridge.testing.BridgeRouteTestSupport;
import io.notionbridge.testing.WebhookEvents;

/**
 * Route tests of the task sync: the runtime as Camel Main boots it, against the embedded sandbox (random port, no rate
 * limit unless a test asks for one), timers off; tests drive {@code direct:task-inbox} and {@code direct:task-push}.
 */
public abstract class TaskRouteTestSupport extends BridgeRouteTestSupport {

    protected static final String DATA_SOURCE = DemoData.VIDEO_TASKS_DATA_SOURCE_ID;
    protected static final String MAYA = DemoData.USER_MAYA_ID;
    protected final ObjectMapper json = new ObjectMapper();

    @Override
    protected void extraProperties(Properties p) {
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.sandbox.rate-limit", "off");
        p.setProperty("bridge.notion.rate-limit", "1000");
        p.setProperty("bridge.scheduler.enabled", "false");
        p.setProperty("camel.main.jmx-enabled", "false");
        taskProperties(p);
    }

    /** Properties of this test class. */
    protected void taskProperties(Properties p) {
    }

    protected NotionSandbox sandbox() {
        return context.getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
    }

    protected TaskRepository tasks() {
        return context.getRegistry().lookupByNameAndType("taskRepository", TaskRepository.class);
    }

    protected TaskInboxProcessor.Stats runInbox() {
        return template.requestBody("direct:task-inbox", null, TaskInboxProcessor.Stats.class);
    }

    protected TaskPushPoller.Stats runPush() {
        return template.requestBody("direct:task-push", null, TaskPushPoller.Stats.class);
    }

    protected HttpResponse<String> postWebhook(byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/webhook/notion"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> postSigned(String secret, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return postWebhook(bytes, WebhookSignature.HEADER, WebhookSignature.sign(secret, bytes));
    }

    protected JsonNode parse(String s) throws Exception {
        return json.readTree(s);
    }

    protected long count(String sql) throws Exception {
        try (var c = db.dataSource().getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Polls {@code condition} every 20 ms until it holds; fails after {@code timeout}. */
    protected static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            synchronized (TaskRouteTestSupport.class) {
                TaskRouteTestSupport.class.wait(20);
            }
        }
    }

    /** A page event in Notion's shape, by a person. */
    protected static String event(String id, String type, String pageId, String timestamp) {
        return WebhookEvents.pageEvent(id, type, pageId, timestamp);
    }

    /** Properties of a Video Tasks page in API write form. */
    protected JsonNode taskProperties(String title, String channel, String topic, String status, String priority)
            throws Exception {
        StringBuilder s = new StringBuilder("{\"Title\":{\"title\":[{\"text\":{\"content\":\"" + title + "\"}}]}");
        if (channel != null) {
            s.append(",\"Channel\":{\"select\":{\"name\":\"").append(channel).append("\"}}");
        }
        if (topic != null) {
            s.append(",\"Topic\":{\"rich_text\":[{\"text\":{\"content\":\"").append(topic).append("\"}}]}");
        }
        if (status != null) {
            s.append(",\"Status\":{\"status\":{\"name\":\"").append(status).append("\"}}");
        }
        if (priority != null) {
            s.append(",\"Priority\":{\"select\":{\"name\":\"").append(priority).append("\"}}");
        }
        return json.readTree(s.append("}").toString());
    }

    /** A UI edit of a page's properties by Maya. */
    protected void editAsMaya(String pageId, String propertiesJson) throws Exception {
        sandbox().editAsPerson(pageId, MAYA, json.readTree("{\"properties\":" + propertiesJson + "}"));
    }
}
