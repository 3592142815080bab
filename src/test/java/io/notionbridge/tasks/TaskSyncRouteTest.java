package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.notionbridge.sandbox.webhook.WebhookDelivery;
import io.notionbridge.sandbox.webhook.WebhookOptions;
import io.notionbridge.tasks.webhook.WebhookInbox;
import io.notionbridge.tasks.webhook.WebhookSecretStore;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Both directions against the sandbox, which the runtime subscribed to its own /webhook/notion: UI edits reach the
 * tasks table, database changes reach Notion through the poller, and the bridge's own writes do not come back.
 */
@Tag("db")
class TaskSyncRouteTest extends TaskRouteTestSupport {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Override
    protected void taskProperties(Properties p) {
        p.setProperty("bridge.notion.webhook-secret", "");
    }

    private long acknowledged(String type) {
        return sandbox().webhooks().deliveries().stream().filter(d -> d.type().equals(type) && d.status() == 200).count();
    }

    private long patches() {
        return sandbox().requestLog().count("PATCH /v1/pages/{id}");
    }

    /** Creates a task page as Maya and waits until its event is in the inbox and applied. */
    private Task createTask(String title, String status, String priority) throws Exception {
        String id = sandbox().createAsPerson(DATA_SOURCE, MAYA,
                taskProperties(title, "tech-explained", "Topic of " + title, status, priority)).id;
        awaitInboxed(id, 1);
        runInbox();
        return tasks().findByPageId(id).orElseThrow();
    }

    private void awaitInboxed(String pageId, long events) throws InterruptedException {
        await(events + " event(s) of page " + pageId + " in the inbox", WAIT, () -> {
            try {
                return count("SELECT COUNT(*) FROM webhook_inbox WHERE entity_id = '" + pageId + "'") >= events;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theSandboxIsSubscribedWithAGeneratedSecretAndUiEditsReachTheTasksTable() throws Exception {
        await("handshake acknowledged", WAIT, () -> acknowledged("verification") == 1);
        WebhookSecretStore secrets = context.getRegistry().lookupByNameAndType("webhookSecretStore", WebhookSecretStore.class);
        assertThat(secrets.source()).isEqualTo("runtime");
        assertThat(count("SELECT COUNT(*) FROM webhook_secrets")).as("a run's secret is not stored").isZero();

        Task t = createTask("From the board", "Queued", "High");
        assertThat(t.status()).isEqualTo(TaskState.PENDING);
        assertThat(t.priority()).isEqualTo(TaskPriority.HIGH);

        editAsMaya(t.notionPageId(), "{\"Status\":{\"status\":{\"name\":\"Voiceover\"}},"
                + "\"Topic\":{\"rich_text\":[{\"text\":{\"content\":\"A better topic\"}}]}}");
        awaitInboxed(t.notionPageId(), 2);
        runInbox();
        Task after = tasks().find(t.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.topic()).isEqualTo("A better topic");
        assertThat(after.notionStatus()).isEqualTo("Voiceover");

        sandbox().editAsPerson(t.notionPageId(), MAYA, json.readTree("{\"in_trash\":true}"));
        awaitInboxed(t.notionPageId(), 3);
        runInbox();
        assertThat(tasks().find(t.id()).orElseThrow().deletedInNotion()).as("marked, not dropped").isTrue();
    }

    @Test
    void theBridgesOwnPushComesBackAsABotEventThatIsIgnoredSoThereIsNoPingPong() throws Exception {
        await("handshake acknowledged", WAIT, () -> acknowledged("verification") == 1);
        Task t = createTask("Loop check", "Queued", "Normal");
        Task claimed = tasks().claimNext("w1", null).orElseThrow();
        assertThat(claimed.id()).isEqualTo(t.id());
        long before = patches();
        assertThat(runPush().pushed()).isEqualTo(1);
        assertThat(patches()).isEqualTo(before + 1);
        assertThat(sandbox().store().page(t.notionPageId()).orElseThrow().values.toString()).contains("Processing");

        awaitInboxed(t.notionPageId(), 2);
        TaskInboxProcessor.Stats s = runInbox();
        assertThat(s.ignored()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE entity_id = '" + t.notionPageId()
                + "' AND state = 'ignored' AND result LIKE '%own bot%'")).isEqualTo(1);
        for (int cycle = 0; cycle < 3; cycle++) {
            assertThat(runPush().due()).isZero();
            assertThat(runInbox().claimed()).isZero();
        }
        assertThat(patches()).as("one write, no ping-pong").isEqualTo(before + 1);
        Task after = tasks().find(t.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.claimedBy()).isEqualTo("w1");
    }

    @Test
    void thePollerWritesOnlyTheTasksThatChanged() throws Exception {
        Task a = createTask("Only changed A", "Queued", "Normal");
        Task b = createTask("Only changed B", "Queued", "Normal");
        Task c = createTask("Only changed C", "Queued", "Normal");
        assertThat(runPush().due()).as("Notion shows all three already").isZero();
        long before = patches();
        tasks().transition(tasks().find(b.id()).orElseThrow(), TaskState.DRAFT, null, null, null);
        TaskPushPoller.Stats s = runPush();
        assertThat(s).isEqualTo(new TaskPushPoller.Stats(1, 1, 0));
        assertThat(patches()).isEqualTo(before + 1);
        List<String> patched = sandbox().requestLog().entries(e -> e.method().equals("PATCH")).stream()
                .map(e -> e.path()).toList();
        assertThat(patched).anySatisfy(p -> assertThat(p).contains(b.notionPageId()));
        assertThat(patched).noneSatisfy(p -> assertThat(p).contains(a.notionPageId()));
        assertThat(patched).noneSatisfy(p -> assertThat(p).contains(c.notionPageId()));
    }

    @Test
    void repeatedAndReorderedDeliveriesEndInTheLastState() throws Exception {
        await("handshake acknowledged", WAIT, () -> acknowledged("verification") == 1);
        WebhookSecretStore secrets = context.getRegistry().lookupByNameAndType("webhookSecretStore", WebhookSecretStore.class);
        Task t = createTask("Shuffled", "Queued", "Normal");
        String url = sandbox().webhooks().subscription().orElseThrow().options().url();
        sandbox().subscribeWebhook(WebhookOptions.of(url, secrets.active().orElseThrow())
                .withDuplicates(1.0).withReordering(6, Duration.ofMillis(200)));
        sandbox().webhooks().clearDeliveries();
        for (String status : List.of("Scripting", "Editing", "Rendering", "Awaiting Review", "In Review", "Approved")) {
            editAsMaya(t.notionPageId(), "{\"Status\":{\"status\":{\"name\":\"" + status + "\"}}}");
        }
        await("12 deliveries (each event twice)", WAIT, () -> sandbox().webhooks().deliveries().stream()
                .filter(d -> d.type().equals("page.properties_updated")).count() == 12);
        List<WebhookDelivery> deliveries = sandbox().webhooks().deliveries();
        assertThat(deliveries).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        awaitInboxed(t.notionPageId(), 7);
        assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE entity_id = '" + t.notionPageId() + "'"))
                .as("one row per event, duplicates refused").isEqualTo(7);
        long reads = sandbox().requestLog().count("GET /v1/pages/{id}");
        TaskInboxProcessor.Stats s = runInbox();
        assertThat(s.claimed()).isEqualTo(6);
        assertThat(sandbox().requestLog().count("GET /v1/pages/{id}")).as("the page is read once for the batch")
                .isEqualTo(reads + 1);
        Task after = tasks().find(t.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TaskState.APPROVED);
        assertThat(after.notionStatus()).isEqualTo("Approved");
    }

    @Test
    void anOutOfOrderEventIsIgnoredWhenANewerOneWasApplied() throws Exception {
        await("handshake acknowledged", WAIT, () -> acknowledged("verification") == 1);
        WebhookSecretStore secrets = context.getRegistry().lookupByNameAndType("webhookSecretStore", WebhookSecretStore.class);
        String secret = secrets.active().orElseThrow();
        Task t = createTask("Late delete", "Queued", "Normal");
        String page = t.notionPageId();
        String later = "2099-01-01T00:00:10.000Z";
        String earlier = "2099-01-01T00:00:05.000Z";
        assertThat(postSigned(secret, event("evt-undeleted", "page.undeleted", page, later)).statusCode()).isEqualTo(200);
        runInbox();
        assertThat(postSigned(secret, event("evt-deleted", "page.deleted", page, earlier)).statusCode()).isEqualTo(200);
        runInbox();
        assertThat(tasks().find(t.id()).orElseThrow().deletedInNotion()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE event_id = 'evt-deleted' AND state = 'ignored'"))
                .isEqualTo(1);
    }

    @Test
    void anInvalidEntryStaysDraftAndNotionIsShownDraft() throws Exception {
        String id = sandbox().createAsPerson(DATA_SOURCE, MAYA,
                taskProperties("No topic yet", "tech-explained", null, "Queued", "Normal")).id;
        awaitInboxed(id, 1);
        try (LogCapture log = LogCapture.capture()) {
            runInbox();
            assertThat(log.containing("action=entry_remains_in_draft")).singleElement().satisfies(l -> {
                assertThat(l.level()).isEqualTo(Level.WARN);
                assertThat(l.message()).contains("page_id=" + id).contains("title=\"No topic yet\"")
                        .contains("reason=\"topic is required\"");
            });
        }
        assertThat(tasks().findByPageId(id).orElseThrow().status()).isEqualTo(TaskState.DRAFT);
        runPush();
        assertThat(sandbox().store().page(id).orElseThrow().values.toString()).contains("Draft");
    }

    @Test
    void everyLogLineOfOneEventCarriesItsCorrelationId() throws Exception {
        String id = sandbox().createAsPerson(DATA_SOURCE, MAYA,
                taskProperties("Correlated", "tech-explained", "Logs", "Queued", "Normal")).id;
        awaitInboxed(id, 1);
        String eventId = context.getRegistry().lookupByNameAndType("webhookInbox", WebhookInbox.class)
                .list("pending", 10).stream().filter(e -> e.entityId().equals(id)).findFirst().orElseThrow().eventId();
        sandbox().faults().failNext("GET", "/v1/pages/{id}", 503, 1);
        try (LogCapture log = LogCapture.capture()) {
            runInbox();
            List<LogCapture.Line> mine = log.lines().stream().filter(l -> l.logger().startsWith("io.notionbridge")
                    && !l.logger().contains("sandbox") && !l.message().startsWith("Task inbox:")).toList();
            assertThat(mine).anySatisfy(l -> assertThat(l.message()).contains("503"));
            assertThat(mine).anySatisfy(l -> assertThat(l.message()).contains("created from Notion page"));
            assertThat(mine).allSatisfy(l -> assertThat(l.correlationId()).as(l.message()).isEqualTo(eventId));
        }
    }
}
