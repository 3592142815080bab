package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.tasks.webhook.InboxEvent;
import io.notionbridge.tasks.webhook.WebhookInbox;
import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The inbox survives restarts: an accepted event is processed by the next runtime, a dead processor's lock expires. */
@Tag("db")
class TaskRestartRouteTest extends TaskRouteTestSupport {

    static final String SECRET = "secret_restart_test_abcdefghijklmnopqrstuvwxyz01234";
    static final String DEMO_PAGE = "6701b313-9e36-5ff7-84f4-b4e6cee24839"; // "Why GPUs are fast", Draft, High

    private String storeUrl;

    @Override
    protected void taskProperties(Properties p) {
        // a restart reopens the store from disk, as a real one does (an in-memory H2 database does not survive its
        // pool being closed well: its check constraints stay bound to the closed sessions)
        storeUrl = p.getProperty("bridge.db.url");
        if (!TestDatabase.onPostgres()) {
            try {
                Path dir = Files.createTempDirectory("bridge-restart-");
                dir.toFile().deleteOnExit();
                storeUrl = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            p.setProperty("bridge.db.url", storeUrl);
        }
        p.setProperty("bridge.notion.webhook-secret", SECRET);
        p.setProperty("bridge.tasks.sandbox-webhook", "false");
        p.setProperty("bridge.tasks.inbox.lock-seconds", "2");
    }

    /** A second runtime on the same store, as after a restart: its own sandbox (same demo data), timers off. */
    private OneShotRuntime restart() {
        Properties p = new Properties();
        for (String kv : db.properties()) {
            p.setProperty(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        p.setProperty("bridge.db.url", storeUrl);
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.sandbox.rate-limit", "off");
        p.setProperty("bridge.notion.rate-limit", "1000");
        p.setProperty("bridge.notion.webhook-secret", SECRET);
        p.setProperty("bridge.tasks.inbox.lock-seconds", "2");
        return OneShotRuntime.start(BridgeConfig.load(null, p), List.of("task-inbox"), p);
    }

    private TaskInboxProcessor.Stats runInbox(OneShotRuntime rt) {
        return rt.request("direct:task-inbox", null, Map.of(), TaskInboxProcessor.Stats.class);
    }

    @Test
    void anAcceptedEventSurvivesARestartAndIsProcessedByTheNextRuntime() throws Exception {
        assertThat(postSigned(SECRET, event("evt-before-restart", "page.properties_updated", DEMO_PAGE,
                "2026-07-04T09:00:00.000Z")).statusCode()).isEqualTo(200);
        context.stop();
        try (OneShotRuntime rt = restart()) {
            TaskInboxProcessor.Stats s = runInbox(rt);
            assertThat(s.applied()).isEqualTo(1);
            TaskRepository repo = rt.context().getRegistry().lookupByNameAndType("taskRepository", TaskRepository.class);
            Task t = repo.findByPageId(DEMO_PAGE).orElseThrow();
            assertThat(t.title()).isEqualTo("Why GPUs are fast");
            assertThat(t.priority()).isEqualTo(TaskPriority.HIGH);
        }
    }

    @Test
    void anEventHeldByAProcessorThatDiedIsTakenAgainOnceItsLockExpires() throws Exception {
        assertThat(postSigned(SECRET, event("evt-dead-lock", "page.properties_updated", DEMO_PAGE,
                "2026-07-04T09:00:00.000Z")).statusCode()).isEqualTo(200);
        WebhookInbox inbox = context.getRegistry().lookupByNameAndType("webhookInbox", WebhookInbox.class);
        List<InboxEvent> taken = inbox.claimDue("processor-that-dies", 10);
        assertThat(taken).extracting(InboxEvent::eventId).containsExactly("evt-dead-lock");
        context.stop(); // it dies in the middle of processing: the lock stays in the store

        try (OneShotRuntime rt = restart()) {
            AtomicReference<TaskInboxProcessor.Stats> stats = new AtomicReference<>();
            await("the lock expires and the event is taken again", Duration.ofSeconds(15), () -> {
                stats.set(runInbox(rt));
                return stats.get().claimed() > 0;
            });
            assertThat(stats.get().applied()).isEqualTo(1);
            WebhookInbox after = rt.context().getRegistry().lookupByNameAndType("webhookInbox", WebhookInbox.class);
            InboxEvent done = after.findByEventId("evt-dead-lock").orElseThrow();
            assertThat(done.state()).isEqualTo("done");
            assertThat(done.attempts()).as("the dead processor's attempt counts").isEqualTo(2);
            assertThat(done.lockedBy()).isNull();
            assertThat(done.processedAt()).as("not before the dead processor's lock expired")
                    .isAfterOrEqualTo(taken.get(0).lockedAt().plusSeconds(2));
        }
    }
}
