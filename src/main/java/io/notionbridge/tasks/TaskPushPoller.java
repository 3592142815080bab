package io.notionbridge.tasks;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.error.NotionObjectNotFoundException;
import io.notionbridge.notion.error.NotionRateLimitedException;
import io.notionbridge.notion.error.NotionUnauthorizedException;
import io.notionbridge.notion.property.PropertiesBuilder;
import io.notionbridge.store.JobRuns;
import io.notionbridge.tasks.webhook.WebhookIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The job behind {@code direct:task-push} (every {@code bridge.tasks.push.period-ms}): shows Notion the database's
 * state. Only tasks changed since their last push (or never pushed) are written, oldest change first, and only two
 * properties: Status ({@link TaskStatusMapping#optionToWrite}: a finer option such as {@code Rendering} is kept while
 * it means the same state) and Priority. Title, Topic, Story Direction and Channel are never written, nor formula
 * properties. The push time is recorded; a failed push is recorded on the task and retried next cycle. Writes go
 * through the gateway, so Notion's rate limit is respected; Notion answers with a webhook event authored by the
 * bridge's bot, which the inbox ignores (no ping-pong). Log lines of one task carry {@code task-<id>} as
 * correlation id.
 */
public class TaskPushPoller {

    /** What one cycle did. */
    public record Stats(int due, int pushed, int failed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TaskPushPoller.class);

    private final TaskRepository tasks;
    private final TaskNotion notion;
    private final TaskProperties properties;
    private final JobRuns jobRuns;
    private final int batchSize;

    public TaskPushPoller(TaskRepository tasks, TaskNotion notion, TaskProperties properties, JobRuns jobRuns,
                          int batchSize) {
        this.tasks = tasks;
        this.notion = notion;
        this.properties = properties;
        this.jobRuns = jobRuns;
        this.batchSize = batchSize;
    }

    public synchronized Stats run() {
        long runId = jobRuns.start("task-push", null, false);
        int pushed = 0;
        int failed = 0;
        List<Task> due = List.of();
        String error = null;
        try {
            due = tasks.pushCandidates(batchSize);
            for (Task t : due) {
                try (MDC.MDCCloseable corr = MDC.putCloseable(WebhookIntake.CORRELATION_KEY, "task-" + t.id())) {
                    try {
                        push(t);
                        pushed++;
                    } catch (NotionUnauthorizedException e) {
                        failed++;
                        tasks.pushFailed(t.id(), e.getMessage());
                        LOG.error("ALERT Notion refused the bridge's token (401 unauthorized) while pushing task {}: "
                                + "no task reaches Notion until NOTION_TOKEN is fixed; this cycle stops", t.id());
                        error = e.getMessage();
                        break;
                    } catch (NotionRateLimitedException e) {
                        failed++;
                        tasks.pushFailed(t.id(), e.getMessage());
                        LOG.warn("Push of task {} rate limited beyond the gateway's retries; this cycle stops: {}", t.id(),
                                e.getMessage());
                        error = e.getMessage();
                        break;
                    } catch (NotionObjectNotFoundException e) {
                        failed++;
                        tasks.pushFailed(t.id(), e.getMessage());
                        tasks.markDeleted(tasks.find(t.id()).orElse(t), true, null);
                        LOG.warn("Push of task {}: page {} no longer found in Notion (404); task marked deleted in Notion",
                                t.id(), t.notionPageId());
                    } catch (RuntimeException e) {
                        failed++;
                        tasks.pushFailed(t.id(), e.getMessage());
                        LOG.warn("Push of task {} to page {} failed; retried next cycle: {}", t.id(), t.notionPageId(),
                                e.getMessage());
                    }
                }
            }
            return new Stats(due.size(), pushed, failed);
        } catch (RuntimeException e) {
            error = e.getMessage();
            throw e;
        } finally {
            Stats stats = new Stats(due.size(), pushed, failed);
            jobRuns.finish(runId, error != null && pushed == 0 ? JobRuns.Outcome.FAILED
                    : failed > 0 ? JobRuns.Outcome.PARTIAL : JobRuns.Outcome.OK, stats, error);
            if (!due.isEmpty()) {
                LOG.info("Task push: {} task(s) due, {} written to Notion, {} failed", due.size(), pushed, failed);
            }
        }
    }

    /** The update body for {@code t}: Status and Priority only. */
    ObjectNode body(Task t) {
        return new PropertiesBuilder()
                .status(properties.status(), TaskStatusMapping.optionToWrite(t.status(), t.notionStatus()))
                .select(properties.priority(), t.priority().notionOption())
                .body();
    }

    private void push(Task t) {
        String status = TaskStatusMapping.optionToWrite(t.status(), t.notionStatus());
        String priority = t.priority().notionOption();
        notion.updatePage(t.notionPageId(), body(t));
        tasks.pushed(t, status, priority);
        LOG.info("Task {} pushed to Notion page {}: Status {}, Priority {}", t.id(), t.notionPageId(), status, priority);
    }
}
