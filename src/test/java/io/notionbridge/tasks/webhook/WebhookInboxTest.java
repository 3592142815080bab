package io.notionbridge.tasks.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.notionbridge.tasks.TaskStore;
import io.notionbridge.tasks.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The inbox: unique event ids, exclusive claims, locks of dead processors, backoff, parking and replay. */
@Tag("db")
class WebhookInboxTest {

    private static final Instant T0 = Instant.parse("2026-07-04T09:00:00Z");
    private final TaskStore store = new TaskStore();
    private final TestClock clock = new TestClock(T0);
    private final WebhookInbox inbox = new WebhookInbox(store.dataSource(), clock, 3, Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(60));

    @AfterEach
    void close() {
        store.close();
    }

    private static IncomingEvent event(String id, Instant time) {
        return new IncomingEvent(id, "page.properties_updated", "page-1", time, "{\"id\":\"" + id + "\"}", "notion");
    }

    @Test
    void aRepeatedDeliveryIsNotStoredTwice() {
        assertThat(inbox.insert(event("e-1", T0))).isTrue();
        assertThat(inbox.insert(event("e-1", T0))).isFalse();
        assertThat(store.count("SELECT COUNT(*) FROM webhook_inbox")).isEqualTo(1);
        assertThat(inbox.findByEventId("e-1").orElseThrow().state()).isEqualTo("pending");
    }

    @Test
    void eventsAreTakenOldestEventTimeFirstAndOnlyOnce() {
        inbox.insert(event("late", T0.plusSeconds(30)));
        inbox.insert(event("early", T0.minusSeconds(30)));
        inbox.insert(event("middle", T0));
        List<InboxEvent> first = inbox.claimDue("p1", 2);
        assertThat(first).extracting(InboxEvent::eventId).containsExactly("early", "middle");
        assertThat(first).allSatisfy(e -> {
            assertThat(e.lockedBy()).isEqualTo("p1");
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(inbox.claimDue("p2", 10)).extracting(InboxEvent::eventId).containsExactly("late");
        assertThat(inbox.claimDue("p3", 10)).as("everything is locked").isEmpty();
    }

    @Test
    void processorsOfSeveralInstancesClaimingAtOnceTakeEveryEventExactlyOnce() throws Exception {
        int events = 300;
        for (int i = 0; i < events; i++) {
            inbox.insert(new IncomingEvent("c-" + i, "page.properties_updated", "page-" + i, T0.plusMillis(i), "{}", "notion"));
        }
        int instances = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(instances);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<List<String>>> claims = new java.util.ArrayList<>();
        for (int p = 0; p < instances; p++) {
            String processor = "instance-" + p;
            claims.add(pool.submit(() -> {
                start.await();
                List<String> mine = new java.util.ArrayList<>();
                for (List<InboxEvent> batch = inbox.claimDue(processor, 7); !batch.isEmpty(); batch = inbox.claimDue(processor, 7)) {
                    batch.forEach(e -> mine.add(e.eventId()));
                }
                return mine;
            }));
        }
        start.countDown();
        List<String> all = new java.util.ArrayList<>();
        for (var f : claims) {
            all.addAll(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(all).as("no event claimed twice").doesNotHaveDuplicates().hasSize(events);
        assertThat(store.count("SELECT COUNT(*) FROM webhook_inbox WHERE attempts <> 1")).as("one attempt each").isZero();
    }

    @Test
    void anEventLockedByADeadProcessorIsTakenAgainAfterTheLockExpires() {
        inbox.insert(event("e-1", T0));
        InboxEvent taken = inbox.claimDue("dead", 10).get(0);
        clock.advance(Duration.ofSeconds(59));
        assertThat(inbox.claimDue("alive", 10)).as("lock still held").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        List<InboxEvent> retaken = inbox.claimDue("alive", 10);
        assertThat(retaken).extracting(InboxEvent::id).containsExactly(taken.id());
        assertThat(retaken.get(0).attempts()).as("the dead processor's attempt counts").isEqualTo(2);
        assertThat(inbox.done(taken.id(), "dead", "late")).as("the dead processor lost its lock").isFalse();
        assertThat(inbox.done(taken.id(), "alive", "applied")).isTrue();
        assertThat(inbox.find(taken.id()).orElseThrow().state()).isEqualTo("done");
    }

    @Test
    void aProcessorReleasesItsOwnPendingLocksOnlyAndTheyAreDueAtOnce() {
        inbox.insert(event("mine", T0));
        inbox.insert(event("theirs", T0.plusSeconds(1)));
        inbox.insert(event("finished", T0.plusSeconds(2)));
        InboxEvent mine = inbox.claimDue("p1", 1).get(0);
        assertThat(inbox.claimDue("p2", 1)).extracting(InboxEvent::eventId).containsExactly("theirs");
        InboxEvent finished = inbox.claimDue("p1", 1).get(0);
        assertThat(finished.eventId()).isEqualTo("finished");
        inbox.done(finished.id(), "p1", "applied");

        assertThat(inbox.release("p1")).isEqualTo(1);
        assertThat(inbox.findByEventId("theirs").orElseThrow().lockedBy()).isEqualTo("p2");
        assertThat(inbox.findByEventId("finished").orElseThrow().state()).isEqualTo("done");
        List<InboxEvent> again = inbox.claimDue("p1", 10);
        assertThat(again).extracting(InboxEvent::id).as("due at once, no lock timeout").containsExactly(mine.id());
        assertThat(again.get(0).attempts()).isEqualTo(2);
    }

    @Test
    void failuresBackOffThenParkAndAReplayStartsAgain() {
        inbox.insert(event("e-1", T0));
        InboxEvent e = inbox.claimDue("p", 1).get(0);
        assertThat(inbox.fail(e.id(), "p", e.attempts(), "boom 1")).isEqualTo("pending");
        assertThat(inbox.claimDue("p", 1)).as("waiting 2 s").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        e = inbox.claimDue("p", 1).get(0);
        assertThat(inbox.fail(e.id(), "p", e.attempts(), "boom 2")).isEqualTo("pending");
        clock.advance(Duration.ofSeconds(3));
        assertThat(inbox.claimDue("p", 1)).as("waiting 4 s").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        e = inbox.claimDue("p", 1).get(0);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(inbox.fail(e.id(), "p", e.attempts(), "boom 3")).isEqualTo("parked");
        clock.advance(Duration.ofHours(1));
        assertThat(inbox.claimDue("p", 1)).as("parked events wait for an operator").isEmpty();
        assertThat(inbox.list("parked", 10)).singleElement().satisfies(p -> {
            assertThat(p.lastError()).isEqualTo("boom 3");
            assertThat(p.attempts()).isEqualTo(3);
        });
        assertThat(inbox.countByState()).containsEntry("parked", 1L);
        assertThat(inbox.replay(e.id())).isTrue();
        assertThat(inbox.replay(e.id())).as("pending already").isFalse();
        assertThat(inbox.claimDue("p", 1)).singleElement().satisfies(x -> assertThat(x.attempts()).isEqualTo(1));
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        assertThat(inbox.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(inbox.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(inbox.backoffAfter(3)).isEqualTo(Duration.ofSeconds(5));
        assertThat(inbox.backoffAfter(40)).isEqualTo(Duration.ofSeconds(5));
    }
}
