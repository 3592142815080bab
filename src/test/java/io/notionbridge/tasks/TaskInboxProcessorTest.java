package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import io.notionbridge.store.JobRuns;
import io.notionbridge.tasks.webhook.IncomingEvent;
import io.notionbridge.tasks.webhook.InboxEvent;
import io.notionbridge.tasks.webhook.WebhookInbox;
import io.notionbridge.testing.WebhookEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A run that fails as a whole (the store went away after the events were taken, so they could be neither finished
 * nor failed) does not leave them locked until the lock timeout: the next run of the same processor takes them again.
 */
@Tag("db")
class TaskInboxProcessorTest {

    private static final Instant T0 = Instant.parse("2026-07-04T09:00:00Z");
    private static final String PAGE = "6701b313-9e36-5ff7-84f4-b4e6cee24839";

    private final TaskStore store = new TaskStore();
    private final TestClock clock = new TestClock(T0);
    private final FakeNotion notion = new FakeNotion();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    /** The inbox, with a store that fails every finishing write while {@link #storeDown} is set. */
    private final WebhookInbox inbox = new WebhookInbox(store.dataSource(), clock, 8, Duration.ofSeconds(2),
            Duration.ofSeconds(10), Duration.ofMinutes(5)) {
        @Override
        public boolean done(long id, String processor, String result) {
            failIfDown();
            return super.done(id, processor, result);
        }

        @Override
        public boolean ignored(long id, String processor, String reason) {
            failIfDown();
            return super.ignored(id, processor, reason);
        }

        @Override
        public String fail(long id, String processor, int attempts, String error) {
            failIfDown();
            return super.fail(id, processor, attempts, error);
        }
    };
    private final TaskInboxProcessor processor = new TaskInboxProcessor(inbox, new TaskEventProcessor(
            new TaskRepository(store.dataSource(), clock), notion, TaskEventProcessorTest.CHANNELS,
            TaskProperties.defaults(), FakeNotion.DATABASE), new JobRuns(store.dataSource()), 10);

    @AfterEach
    void close() {
        store.close();
    }

    private void failIfDown() {
        if (storeDown.get()) {
            throw new IllegalStateException("cannot finish webhook event: Connection is not available, request timed out");
        }
    }

    private void receive(String id, String pageId) {
        inbox.insert(new IncomingEvent(id, "page.properties_updated", pageId, T0,
                WebhookEvents.pageEvent(id, "page.properties_updated", pageId, T0.toString()), "notion"));
    }

    @Test
    void eventsTakenByARunThatFailedAreTakenAgainByTheNextRunNotAfterTheLockTimeout() {
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "tech-explained", "GPU parallelism", "Queued", "High"));
        receive("e-1", PAGE);
        storeDown.set(true);
        assertThatThrownBy(processor::run).hasMessageContaining("Connection is not available");
        InboxEvent stuck = inbox.findByEventId("e-1").orElseThrow();
        assertThat(stuck.state()).isEqualTo(InboxEvent.PENDING);
        assertThat(stuck.lockedBy()).isEqualTo(processor.processorId());

        storeDown.set(false);
        TaskInboxProcessor.Stats s = processor.run();
        assertThat(s.claimed()).as("taken again at once, the lock timeout (5 min) has not passed").isEqualTo(1);
        assertThat(s.applied()).isEqualTo(1);
        InboxEvent done = inbox.findByEventId("e-1").orElseThrow();
        assertThat(done.state()).isEqualTo(InboxEvent.DONE);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(store.count("SELECT COUNT(*) FROM tasks WHERE notion_page_id = ?", PAGE)).isEqualTo(1);
    }

    @Test
    void onlyTheProcessorsOwnLocksAreFreedNeverThoseOfAnotherLiveProcessor() {
        notion.put(FakeNotion.page(PAGE, "Why GPUs are fast", "tech-explained", "GPU parallelism", "Queued", "High"));
        receive("mine", PAGE);
        storeDown.set(true);
        assertThatThrownBy(processor::run).isInstanceOf(IllegalStateException.class);
        storeDown.set(false);
        receive("theirs", "0aa2b6c4-0000-4000-8000-000000000001");
        InboxEvent theirs = inbox.claimDue("another-processor", 10).get(0);
        assertThat(theirs.eventId()).isEqualTo("theirs");

        assertThat(processor.run().claimed()).isEqualTo(1);
        assertThat(inbox.findByEventId("mine").orElseThrow().state()).isEqualTo(InboxEvent.DONE);
        InboxEvent still = inbox.findByEventId("theirs").orElseThrow();
        assertThat(still.lockedBy()).isEqualTo("another-processor");
        assertThat(still.state()).isEqualTo(InboxEvent.PENDING);
    }
}
