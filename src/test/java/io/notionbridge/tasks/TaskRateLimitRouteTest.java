package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The push poller goes through the gateway, so Notion's rate limit (3 requests/s) is respected: no 429. */
@Tag("db")
class TaskRateLimitRouteTest extends TaskRouteTestSupport {

    @Override
    protected void taskProperties(Properties p) {
        p.setProperty("bridge.sandbox.rate-limit", "average:3:3");
        p.setProperty("bridge.notion.rate-limit", "3");
        p.setProperty("bridge.notion.rate-period-ms", "1000");
        p.setProperty("bridge.tasks.sandbox-webhook", "false");
    }

    @Test
    void pushingTwelveTasksAtThreePerSecondGetsNo429() throws Exception {
        for (int i = 0; i < 12; i++) {
            String page = sandbox().createAsPerson(DATA_SOURCE, MAYA,
                    taskProperties("Paced " + i, "tech-explained", "Pacing", "Queued", "Normal")).id;
            TaskMerge.Result r = new TaskMerge.Result("Paced " + i, "tech-explained", "Pacing", null, TaskState.PROCESSING,
                    TaskPriority.HIGH, "Queued", "Normal", null, false, true, List.of());
            tasks().insertFromNotion(page, r, null);
        }
        long start = System.nanoTime();
        TaskPushPoller.Stats s = runPush();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(s).isEqualTo(new TaskPushPoller.Stats(12, 12, 0));
        assertThat(sandbox().requestLog().count("PATCH /v1/pages/{id}", 200)).isEqualTo(12);
        assertThat(sandbox().requestLog().count(429)).as("429 answers").isZero();
        assertThat(millis).as("12 writes at 3/s take at least 3 s").isGreaterThanOrEqualTo(3000);

        // the same sandbox does refuse a caller that does not pace itself
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox().baseUrl() + "/v1/users/me"))
                    .header("Authorization", "Bearer " + sandbox().token()).header("Notion-Version", "2026-03-11")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            refused += r.statusCode() == 429 ? 1 : 0;
        }
        assertThat(refused).as("an unpaced burst is refused").isPositive();
    }
}
