package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The task API over HTTP: list and filter, read, claim, transitions with 409 reasons, reviews, 400/404. */
@Tag("db")
class TaskApiRouteTest extends TaskRouteTestSupport {

    @Override
    protected void taskProperties(Properties p) {
        p.setProperty("bridge.tasks.sandbox-webhook", "false");
    }

    private long insert(String page, TaskState status, TaskPriority priority, String channel) {
        TaskMerge.Result r = new TaskMerge.Result("Task " + page, channel, "Topic " + page, null, status, priority,
                TaskStatusMapping.toNotion(status), priority.notionOption(), null, false, false, List.of());
        return tasks().insertFromNotion(page, r, null);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(httpPort, path, body, "Content-Type", "application/json");
    }

    private JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
        return parse(r.body());
    }

    @Test
    void listFiltersByStatusAndChannelAndReadsOne() throws Exception {
        long a = insert("page-a", TaskState.PENDING, TaskPriority.NORMAL, "tech-explained");
        insert("page-b", TaskState.DRAFT, TaskPriority.NORMAL, "money-minute");
        insert("page-c", TaskState.PENDING, TaskPriority.HIGH, "money-minute");
        assertThat(ok(get(httpPort, "/api/tasks")).path("tasks")).hasSize(3);
        JsonNode pending = ok(get(httpPort, "/api/tasks?status=pending&channel=money-minute")).path("tasks");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("notionPageId").asText()).isEqualTo("page-c");
        JsonNode one = ok(get(httpPort, "/api/tasks/" + a));
        assertThat(one.path("title").asText()).isEqualTo("Task page-a");
        assertThat(one.path("status").asText()).isEqualTo("pending");
        assertThat(one.path("allowedTransitions").toString()).contains("processing");
        assertThat(get(httpPort, "/api/tasks/999").statusCode()).isEqualTo(404);
        assertThat(parse(get(httpPort, "/api/tasks/999").body()).path("error").asText()).isEqualTo("task_not_found");
        assertThat(get(httpPort, "/api/tasks/abc").statusCode()).isEqualTo(400);
        assertThat(get(httpPort, "/api/tasks?status=sleeping").statusCode()).isEqualTo(400);
        assertThat(get(httpPort, "/api/tasks?channel=cooking").statusCode()).isEqualTo(400);
    }

    @Test
    void aWorkerClaimsMovesAndAReviewerDecides() throws Exception {
        long id = insert("page-w", TaskState.PENDING, TaskPriority.NORMAL, "tech-explained");
        JsonNode claimed = ok(post("/api/tasks/claim", "{\"worker\":\"w1\"}"));
        assertThat(claimed.path("id").asLong()).isEqualTo(id);
        assertThat(claimed.path("status").asText()).isEqualTo("processing");
        assertThat(claimed.path("claimedBy").asText()).isEqualTo("w1");
        assertThat(claimed.path("pushPending").asBoolean()).isTrue();
        assertThat(post("/api/tasks/claim", "{\"worker\":\"w2\"}").statusCode()).as("nothing left").isEqualTo(204);
        assertThat(post("/api/tasks/claim", "{}").statusCode()).as("worker required").isEqualTo(400);

        HttpResponse<String> illegal = post("/api/tasks/" + id + "/transition", "{\"to\":\"approved\"}");
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertThat(parse(illegal.body()).path("message").asText())
                .isEqualTo("cannot move a task from processing to approved: from processing it can move to pending, "
                        + "awaiting_review, completed, failed");
        assertThat(post("/api/tasks/" + id + "/transition", "{\"to\":\"sleeping\"}").statusCode()).isEqualTo(400);
        assertThat(ok(post("/api/tasks/" + id + "/transition", "{\"to\":\"awaiting_review\"}")).path("status").asText())
                .isEqualTo("awaiting_review");

        HttpResponse<String> noReason = post("/api/tasks/" + id + "/reject", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        JsonNode rejected = ok(post("/api/tasks/" + id + "/reject", "{\"reason\":\"Too long\",\"reviewer\":\"lena\"}"));
        assertThat(rejected.path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.path("reviewNote").asText()).isEqualTo("Too long");
        assertThat(rejected.path("reviewedBy").asText()).isEqualTo("lena");
        assertThat(post("/api/tasks/" + id + "/approve", "{}").statusCode()).as("not awaiting review").isEqualTo(409);

        ok(post("/api/tasks/" + id + "/transition", "{\"to\":\"pending\"}"));
        ok(post("/api/tasks/claim", "{\"worker\":\"w2\"}"));
        ok(post("/api/tasks/" + id + "/transition", "{\"to\":\"awaiting_review\"}"));
        JsonNode approved = ok(post("/api/tasks/" + id + "/approve", "{\"reason\":\"Great\"}"));
        assertThat(approved.path("status").asText()).isEqualTo("approved");
        assertThat(post("/api/tasks/" + id + "/frobnicate", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/api/tasks/" + id + "/transition", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void prioritiesAreSetAndEveryChangeWaitsForThePoller() throws Exception {
        long id = insert("page-p", TaskState.DRAFT, TaskPriority.NORMAL, "tech-explained");
        assertThat(ok(post("/api/tasks/" + id + "/priority", "{\"priority\":\"high\"}")).path("priority").asText())
                .isEqualTo("high");
        assertThat(post("/api/tasks/" + id + "/priority", "{\"priority\":\"urgent\"}").statusCode()).isEqualTo(400);
        assertThat(tasks().pushCandidates(10)).extracting(Task::id).contains(id);
    }

    @Test
    void anInvalidEntryCannotBeQueuedThroughTheApi() throws Exception {
        TaskMerge.Result r = new TaskMerge.Result("No topic", "tech-explained", null, null, TaskState.DRAFT,
                TaskPriority.NORMAL, "Queued", "Normal", "topic is required", false, true, List.of());
        long id = tasks().insertFromNotion("page-invalid", r, null);
        HttpResponse<String> refused = post("/api/tasks/" + id + "/transition", "{\"to\":\"pending\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(parse(refused.body()).path("message").asText()).contains("topic is required");
    }

    @Test
    void concurrentClaimsOverHttpGiveEachTaskToOneWorker() throws Exception {
        for (int i = 0; i < 12; i++) {
            insert("page-c" + i, TaskState.PENDING, TaskPriority.NORMAL, "tech-explained");
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String worker = "w" + w;
            futures.add(pool.submit(() -> {
                go.await();
                while (true) {
                    HttpResponse<String> r = post("/api/tasks/claim", "{\"worker\":\"" + worker + "\"}");
                    if (r.statusCode() == 204) {
                        return null;
                    }
                    claimed.add(parse(r.body()).path("id").asLong());
                }
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(claimed).hasSize(12).doesNotHaveDuplicates();
    }
}
