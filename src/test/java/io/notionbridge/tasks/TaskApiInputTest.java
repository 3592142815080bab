package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import io.notionbridge.runtime.HttpProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the task API and the inbox API, without HTTP: each is a 4xx naming the problem, checked before anything
 * is written (the store's row is unchanged after every refusal).
 */
@Tag("db")
class TaskApiInputTest {

    private final TaskStore store = new TaskStore();
    private final TaskRepository tasks = new TaskRepository(store.dataSource(), Clock.systemUTC());
    private final TaskApi api = new TaskApi(tasks, ChannelRegistry.of(List.of(new Channel("tech-explained", "Tech",
            "", TaskPriority.NORMAL))));

    @AfterEach
    void close() {
        store.close();
    }

    private long task(TaskState state) {
        TaskMerge.Result r = new TaskMerge.Result("A task", "tech-explained", "Topic", null, state, TaskPriority.NORMAL,
                TaskStatusMapping.toNotion(state), TaskPriority.NORMAL.notionOption(), null, false, false, List.of());
        return tasks.insertFromNotion("6701b313-9e36-5ff7-84f4-b4e6cee2483" + state.ordinal(), r, null);
    }

    private static void refused(Runnable call, int status, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HttpProblem.class, p -> {
            assertThat(p.status()).isEqualTo(status);
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.getMessage()).contains(message);
        });
    }

    @Test
    void claimTakesOnlyWorkerAndChannelAsShortStrings() {
        long id = task(TaskState.PENDING);
        String before = api.get(Long.toString(id));
        refused(() -> api.claim("{\"worker\":\"w1\",\"priority\":\"high\"}"), 400, "unknown_field",
                "unknown field 'priority'; the fields here are: worker, channel");
        refused(() -> api.claim("{\"worker\":[\"w1\"]}"), 400, "invalid_field", "'worker' must be a string, got an array");
        refused(() -> api.claim("{\"worker\":\"" + "w".repeat(201) + "\"}"), 400, "invalid_field",
                "'worker' is 201 characters long; at most 200 are allowed");
        refused(() -> api.claim("{\"worker\":"), 400, "invalid_json", "at line 1, column 11");
        refused(() -> api.claim("[]"), 400, "invalid_request", "must be a JSON object, got an array");
        refused(() -> api.claim("{\"worker\":\"" + "w".repeat(70_000) + "\"}"), 413, "payload_too_large", "65,536");
        assertThat(api.get(Long.toString(id))).as("nothing claimed").isEqualTo(before);
        assertThat(api.claim("{\"worker\":\"" + "w".repeat(200) + "\"}")).contains("\"status\":\"processing\"");
    }

    @Test
    void anActionIsCheckedBeforeTheTaskChanges() {
        long id = task(TaskState.AWAITING_REVIEW);
        String t = Long.toString(id);
        String before = api.get(t);
        refused(() -> api.action(t, "approve", "{\"reason\":\"ok\",\"approved\":true}"), 400, "unknown_field",
                "'approved'; the fields here are: reason, reviewer");
        refused(() -> api.action(t, "reject", "{\"reason\":\"" + "r".repeat(10_001) + "\"}"), 400, "invalid_field",
                "at most 10000");
        refused(() -> api.action(t, "approve", "{\"reviewer\":\"" + "r".repeat(201) + "\"}"), 400, "invalid_field",
                "'reviewer' is 201 characters long");
        refused(() -> api.action(t, "priority", "{\"priority\":1}"), 400, "invalid_field", "got a number");
        refused(() -> api.action(t, "'; DROP TABLE tasks--", "{}"), 404, "unknown_action", "no action ''; DROP TABLE");
        refused(() -> api.action("1 OR 1=1", "approve", "{}"), 400, "invalid_id", "task id '1 OR 1=1' is not a number");
        assertThat(api.get(t)).as("unchanged").isEqualTo(before);
    }

    @Test
    void theInboxApiRefusesBadParametersAndBodiesBeforeReadingTheStore() {
        InboxApi inbox = new InboxApi(null);
        refused(() -> inbox.list(null, "-1"), 400, "invalid_parameter", "limit '-1' is not a whole number ≥ 0");
        refused(() -> inbox.list("' OR '1'='1", null), 400, "invalid_state", "is not pending, done, ignored or parked");
        refused(() -> inbox.replay("1", "{\"force\":true}"), 400, "unknown_field", "none (send no body)");
        refused(() -> inbox.replay("1", "{oops"), 400, "invalid_json", "line 1, column");
        refused(() -> inbox.replay("1; DROP TABLE webhook_inbox", ""), 400, "invalid_id", "is not a number");
    }
}
