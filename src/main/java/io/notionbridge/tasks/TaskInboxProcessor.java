package io.notionbridge.tasks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.notionbridge.store.JobRuns;
import io.notionbridge.tasks.webhook.InboxEvent;
import io.notionbridge.tasks.webhook.WebhookInbox;
import io.notionbridge.tasks.webhook.WebhookIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The job behind {@code direct:task-inbox}: takes due events from the webhook inbox, oldest event time first, and
 * applies each with {@link TaskEventProcessor}. Events of one page in one batch are applied once: the newest one reads
 * the page, the earlier ones are marked superseded. Every log line of one event carries its event id as correlation id.
 * A failure schedules a retry with backoff; after the last attempt the event is parked. A run that fails as a whole
 * (the store went away mid-batch, so its events could be neither finished nor failed) leaves them locked by this
 * processor; the next run frees them first and takes them again at once, rather than after the lock timeout. A run that
 * found work is recorded in {@code job_runs} (job {@code task-inbox}); empty polls are not.
 */
public class TaskInboxProcessor {

    /** What one run did. */
    public record Stats(int claimed, int applied, int ignored, int failed, int parked) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TaskInboxProcessor.class);
    private static final int MAX_BATCHES = 20;

    private final WebhookInbox inbox;
    private final TaskEventProcessor processor;
    private final JobRuns jobRuns;
    private final int batchSize;
    private final String processorId;
    /** A run failed as a whole: events it took may still be locked by this processor. */
    private boolean leftLocks;

    public TaskInboxProcessor(WebhookInbox inbox, TaskEventProcessor processor, JobRuns jobRuns, int batchSize) {
        this.inbox = inbox;
        this.processor = processor;
        this.jobRuns = jobRuns;
        this.batchSize = batchSize;
        this.processorId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This processor's name in {@code locked_by}. */
    public String processorId() {
        return processorId;
    }

    /** Processes due events until there are none (at most 20 batches per run). */
    public synchronized Stats run() {
        int claimed = 0;
        int applied = 0;
        int ignored = 0;
        int failed = 0;
        int parked = 0;
        Long runId = null;
        String error = null;
        try {
            if (leftLocks) {
                int released = inbox.release(processorId);
                leftLocks = false;
                if (released > 0) {
                    LOG.info("Task inbox: {} event(s) left locked by a failed run are taken again", released);
                }
            }
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                List<InboxEvent> events = inbox.claimDue(processorId, batchSize);
                if (events.isEmpty()) {
                    break;
                }
                if (runId == null) {
                    runId = jobRuns.start("task-inbox", null, false);
                }
                claimed += events.size();
                Map<String, InboxEvent> latest = latestPerPage(events);
                for (InboxEvent e : events) {
                    InboxEvent newer = latest.get(e.entityId());
                    if (newer != null && newer.id() != e.id()) {
                        supersede(e, newer);
                        ignored++;
                        continue;
                    }
                    switch (processOne(e)) {
                        case InboxEvent.DONE -> applied++;
                        case InboxEvent.IGNORED -> ignored++;
                        case InboxEvent.PARKED -> {
                            failed++;
                            parked++;
                        }
                        default -> failed++;
                    }
                }
            }
        } catch (RuntimeException e) {
            error = e.getMessage();
            leftLocks = true;
            throw e;
        } finally {
            Stats stats = new Stats(claimed, applied, ignored, failed, parked);
            if (runId != null) {
                jobRuns.finish(runId, error != null ? JobRuns.Outcome.FAILED
                        : failed > 0 ? JobRuns.Outcome.PARTIAL : JobRuns.Outcome.OK, stats, error);
                LOG.info("Task inbox: {} event(s) taken, {} applied, {} ignored, {} failed ({} parked)", claimed, applied,
                        ignored, failed, parked);
            }
        }
        return new Stats(claimed, applied, ignored, failed, parked);
    }

    /** Per page, the newest event of the batch that makes the page's earlier events redundant. */
    private Map<String, InboxEvent> latestPerPage(List<InboxEvent> events) {
        Map<String, InboxEvent> latest = new HashMap<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            InboxEvent e = events.get(i);
            if (e.entityId() != null && !latest.containsKey(e.entityId()) && processor.supersedesEarlierEvents(e)) {
                latest.put(e.entityId(), e);
            }
        }
        return latest;
    }

    private void supersede(InboxEvent e, InboxEvent newer) {
        try (MDC.MDCCloseable corr = MDC.putCloseable(WebhookIntake.CORRELATION_KEY, e.eventId())) {
            String why = "superseded by newer event " + newer.eventId() + " of the same page in the same batch (the page "
                    + "is read once)";
            inbox.ignored(e.id(), processorId, why);
            LOG.info("Webhook event {} ({}) ignored: {}", e.eventId(), e.eventType(), why);
        }
    }

    /** Processes one claimed event; returns its new state. */
    String processOne(InboxEvent e) {
        try (MDC.MDCCloseable corr = MDC.putCloseable(WebhookIntake.CORRELATION_KEY, e.eventId())) {
            try {
                TaskEventProcessor.Outcome outcome = processor.process(e);
                if (outcome.applied()) {
                    inbox.done(e.id(), processorId, outcome.description());
                    LOG.info("Webhook event {} ({}) applied: {}", e.eventId(), e.eventType(), outcome.description());
                    return InboxEvent.DONE;
                }
                inbox.ignored(e.id(), processorId, outcome.description());
                LOG.info("Webhook event {} ({}) ignored: {}", e.eventId(), e.eventType(), outcome.description());
                return InboxEvent.IGNORED;
            } catch (RuntimeException ex) {
                String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
                String state = inbox.fail(e.id(), processorId, e.attempts(), error);
                if (InboxEvent.PARKED.equals(state)) {
                    LOG.error("Webhook event {} ({}, page {}) parked after {} attempts: {}. Replay it with "
                            + "POST /api/webhooks/inbox/{}/replay once the cause is fixed", e.eventId(), e.eventType(),
                            e.entityId(), e.attempts(), error, e.id());
                } else {
                    LOG.warn("Webhook event {} ({}, page {}) failed, attempt {} of {}; retry in {} s: {}", e.eventId(),
                            e.eventType(), e.entityId(), e.attempts(), inbox.maxAttempts(),
                            inbox.backoffAfter(e.attempts()).toSeconds(), error);
                }
                return state;
            }
        }
    }
}
