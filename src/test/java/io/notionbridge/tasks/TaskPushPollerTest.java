package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.notionbridge.notion.error.NotionErrorDetails;
import io.notionbridge.notion.error.NotionUnauthorizedException;
import io.notionbridge.notion.error.NotionUnavailableException;
import io.notionbridge.store.JobRuns;
import io.notionbridge.tasks.webhook.InboxEvent;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Database to Notion: only changed tasks, only Status and Priority, push time recorded, failures retried. */
@Tag("db")
class TaskPushPollerTest {

    static final Instant T0 = Instant.parse("2026-07-04T09:00:00Z");

    private final TaskStore store = new TaskStore();
    private final TestClock clock = new TestClock(T0);
    private final TaskRepository tasks = new TaskRepository(store.dataSource(), clock);
    private final FakeNotion notion = new FakeNotion();
    private final TaskPushPoller poller = new TaskPushPoller(tasks, notion, TaskProperties.defaults(),
            new JobRuns(store.dataSource()), 100);
    private final TaskEventProcessor processor = new TaskEventProcessor(tasks, notion, TaskMergeTest.CHANNELS,
            TaskProperties.defaults(), FakeNotion.DATABASE);

    @BeforeEach
    void threeTasksFromNotion() {
        create("page-a", "Rendering", "High");
        create("page-b", "Queued", "Normal");
        create("page-c", "Draft", "Low");
        clock.advance(Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void create(String page, String status, String priority) {
        notion.put(FakeNotion.page(page, "Task " + page, "tech-explained", "Topic", status, priority));
        String payload = "{\"id\":\"e-" + page + "\",\"authors\":[{\"id\":\"" + FakeNotion.PERSON + "\",\"type\":\"person\"}]}";
        processor.process(new InboxEvent(1, "e-" + page, "page.created", page, clock.instant(), payload, "notion",
                "pending", 1, T0, null, "p", T0, T0, null, null));
    }

    private Task task(String page) {
        return tasks.findByPageId(page).orElseThrow();
    }

    @Test
    void tasksThatNotionAlreadyShowsAreNotWritten() {
        assertThat(poller.run()).isEqualTo(new TaskPushPoller.Stats(0, 0, 0));
        assertThat(notion.updated).isEmpty();
    }

    @Test
    void onlyChangedTasksGetStatusAndPriorityWrittenAndThePushTimeIsRecorded() {
        Task a = task("page-a");
        assertThat(tasks.transition(a, TaskState.AWAITING_REVIEW, null, null, null)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(poller.run()).isEqualTo(new TaskPushPoller.Stats(1, 1, 0));
        assertThat(notion.updated).containsExactly("page-a");
        assertThat(notion.updateBodies.get(0).toString()).isEqualTo(
                "{\"properties\":{\"Status\":{\"status\":{\"name\":\"Awaiting Review\"}},"
                        + "\"Priority\":{\"select\":{\"name\":\"High\"}}}}");
        Task pushed = task("page-a");
        assertThat(pushed.pushedAt()).isEqualTo(clock.instant());
        assertThat(pushed.notionStatus()).isEqualTo("Awaiting Review");
        assertThat(pushed.hasUnpushedChange()).isFalse();
        assertThat(poller.run().due()).as("nothing left").isZero();
        assertThat(notion.updated).hasSize(1);
    }

    @Test
    void aFinerNotionOptionIsKeptWhenTheStateIsTheSame() {
        Task a = task("page-a");
        tasks.setPriority(a, TaskPriority.LOW);
        poller.run();
        assertThat(notion.updateBodies.get(0).path("properties").path("Status").path("status").path("name").asText())
                .isEqualTo("Rendering");
        assertThat(notion.updateBodies.get(0).path("properties").path("Priority").path("select").path("name").asText())
                .isEqualTo("Low");
    }

    @Test
    void nothingButStatusAndPriorityIsEverWritten() {
        tasks.transition(task("page-b"), TaskState.PROCESSING, "w1", null, null);
        poller.run();
        assertThat(notion.updateBodies).singleElement().satisfies(b ->
                assertThat(b.path("properties").properties()).extracting(java.util.Map.Entry::getKey)
                        .containsExactly("Status", "Priority"));
    }

    @Test
    void aFailedPushIsRecordedAndRetriedNextCycle() {
        tasks.transition(task("page-b"), TaskState.PROCESSING, "w1", null, null);
        notion.failUpdates = () -> new NotionUnavailableException(new NotionErrorDetails(503, "service_unavailable",
                "down", "r", null, "PATCH /v1/pages/page-b"));
        assertThat(poller.run()).isEqualTo(new TaskPushPoller.Stats(1, 0, 1));
        Task failed = task("page-b");
        assertThat(failed.pushError()).contains("503");
        assertThat(failed.pushAttempts()).isEqualTo(1);
        assertThat(failed.hasUnpushedChange()).isTrue();
        notion.failUpdates = null;
        assertThat(poller.run()).isEqualTo(new TaskPushPoller.Stats(1, 1, 0));
        Task ok = task("page-b");
        assertThat(ok.pushError()).isNull();
        assertThat(ok.pushAttempts()).isZero();
        assertThat(ok.notionStatus()).isEqualTo("Processing");
    }

    @Test
    void aChangeMadeWhileThePushIsUnderWayStaysDue() {
        tasks.transition(task("page-b"), TaskState.PROCESSING, "w1", null, null);
        notion.duringNextUpdate = () -> tasks.transition(task("page-b"), TaskState.AWAITING_REVIEW, null, null, null);
        poller.run();
        Task after = task("page-b");
        assertThat(after.notionStatus()).as("what Notion shows now").isEqualTo("Processing");
        assertThat(after.hasUnpushedChange()).as("awaiting_review still has to be shown").isTrue();
        clock.advance(Duration.ofSeconds(1));
        poller.run();
        assertThat(notion.updated).containsExactly("page-b", "page-b");
        assertThat(task("page-b").notionStatus()).isEqualTo("Awaiting Review");
        assertThat(task("page-b").hasUnpushedChange()).isFalse();
    }

    @Test
    void aRejectedTokenRaisesAnAlertAndStopsTheCycle() {
        tasks.transition(task("page-a"), TaskState.AWAITING_REVIEW, null, null, null);
        tasks.transition(task("page-b"), TaskState.PROCESSING, "w1", null, null);
        notion.failUpdates = () -> new NotionUnauthorizedException(new NotionErrorDetails(401, "unauthorized",
                "API token is invalid.", "r", null, "PATCH /v1/pages/x"));
        try (LogCapture log = LogCapture.capture()) {
            TaskPushPoller.Stats s = poller.run();
            assertThat(s.failed()).isEqualTo(1);
            assertThat(notion.updated).hasSize(1);
            assertThat(log.lines()).anySatisfy(l -> {
                assertThat(l.level()).isEqualTo(Level.ERROR);
                assertThat(l.message()).startsWith("ALERT");
                assertThat(l.correlationId()).startsWith("task-");
            });
        }
        assertThat(tasks.pushCandidates(10)).hasSize(2);
    }

    @Test
    void deletedTasksAreNotPushed() {
        Task c = task("page-c");
        tasks.transition(c, TaskState.PENDING, null, null, null);
        tasks.markDeleted(task("page-c"), true, clock.instant());
        assertThat(poller.run().due()).isZero();
    }

    @Test
    void everyCycleIsRecordedAsAJobRun() {
        poller.run();
        assertThat(new JobRuns(store.dataSource()).last("task-push", null)).hasValueSatisfying(r ->
                assertThat(r.outcome()).isEqualTo(JobRuns.Outcome.OK));
    }
}
