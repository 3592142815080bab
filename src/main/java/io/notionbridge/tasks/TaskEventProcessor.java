package io.notionbridge.tasks;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.notion.error.NotionObjectNotFoundException;
import io.notionbridge.notion.error.NotionUnauthorizedException;
import io.notionbridge.notion.property.PageReader;
import io.notionbridge.notion.property.PageView;
import io.notionbridge.tasks.webhook.InboxEvent;
import io.notionbridge.tasks.webhook.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one webhook inbox event to the {@code tasks} table. In order:
 * <ol>
 *   <li>an event whose authors are only the bridge's own bot is ignored: it is the echo of the poller's own write
 *       (loop prevention); for an automation payload, the page's {@code last_edited_by};</li>
 *   <li>an event about a page outside the task database, with no task, is ignored without calling Notion;</li>
 *   <li>an event older than the newest one already applied to the task is ignored (events arrive out of order);</li>
 *   <li>{@code page.deleted} marks the task deleted in Notion; the task is kept;</li>
 *   <li>otherwise the page is fetched through the gateway (events carry ids only, and the current page is the truth);
 *       a page gone (404), in the trash or moved out of the database marks the task deleted; else the page is
 *       validated ({@link TaskValidator}: an invalid entry stays draft, with a WARN line), merged
 *       ({@link TaskMerge}) and the task created or updated by its Notion page id.</li>
 * </ol>
 * A write that loses a race with another writer re-reads and merges again. Exceptions (Notion unavailable, ...) leave
 * the event to the inbox's retries; a rejected Notion token also logs an {@code ALERT}.
 */
public class TaskEventProcessor {

    /** What processing did: applied to a task, or ignored, and a sentence for the inbox's {@code result}. */
    public record Outcome(boolean applied, String description) {
        static Outcome applied(String description) {
            return new Outcome(true, description);
        }

        static Outcome ignored(String description) {
            return new Outcome(false, description);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TaskEventProcessor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITE_ATTEMPTS = 5;

    private final TaskRepository tasks;
    private final TaskNotion notion;
    private final TaskValidator validator;
    private final ChannelRegistry channels;
    private final TaskProperties properties;
    private final String databaseId;

    public TaskEventProcessor(TaskRepository tasks, TaskNotion notion, ChannelRegistry channels,
                              TaskProperties properties, String databaseId) {
        this.tasks = tasks;
        this.notion = notion;
        this.validator = new TaskValidator(channels);
        this.channels = channels;
        this.properties = properties;
        this.databaseId = databaseId;
    }

    public Outcome process(InboxEvent event) {
        try {
            return apply(event, payload(event));
        } catch (NotionUnauthorizedException e) {
            LOG.error("ALERT Notion refused the bridge's token (401 unauthorized) while reading page {} for event {}: "
                    + "task sync cannot read Notion until NOTION_TOKEN is fixed; events are retried", event.entityId(),
                    event.eventId());
            throw e;
        }
    }

    private Outcome apply(InboxEvent event, JsonNode payload) {
        String botId = notion.botId();
        if (ownEdit(event, payload, botId)) {
            return Outcome.ignored("made by the bridge's own bot " + botId + " (loop prevention)");
        }
        Optional<Task> existing = tasks.findByPageId(event.entityId());
        if (existing.isEmpty() && outsideTaskDatabase(event, payload)) {
            return Outcome.ignored("page is not in the task database " + databaseId);
        }
        if (existing.isPresent() && isStale(event, existing.get())) {
            return Outcome.ignored("older than the newest event already applied to task " + existing.get().id() + " ("
                    + event.eventTime() + " < " + existing.get().notionEventTime() + ")");
        }
        if ("page.deleted".equals(event.eventType())) {
            return existing.map(t -> markDeleted(t, event, "page deleted in Notion"))
                    .orElseGet(() -> Outcome.ignored("deleted page has no task"));
        }
        PageView page;
        try {
            page = PageReader.read(notion.retrievePage(event.entityId()));
        } catch (NotionObjectNotFoundException e) {
            return existing.map(t -> markDeleted(t, event, "page no longer found in Notion (404)"))
                    .orElseGet(() -> Outcome.ignored("page not found in Notion (404)"));
        }
        if (!inTaskDatabase(page)) {
            return existing.map(t -> markDeleted(t, event, "page moved out of the task database"))
                    .orElseGet(() -> Outcome.ignored("page is not in the task database " + databaseId));
        }
        if (page.inTrash()) {
            return existing.map(t -> markDeleted(t, event, "page is in Notion's trash"))
                    .orElseGet(() -> Outcome.ignored("page is in Notion's trash and has no task"));
        }
        TaskDraft draft = properties.draftOf(page);
        ValidationResult validation = validator.validate(draft);
        if (!validation.valid()) {
            LOG.warn(TaskValidator.warnLine(draft, validation));
        }
        return upsert(event, draft, validation);
    }

    private Outcome upsert(InboxEvent event, TaskDraft draft, ValidationResult validation) {
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            Optional<Task> current = tasks.findByPageId(event.entityId());
            if (current.isPresent() && isStale(event, current.get())) {
                return Outcome.ignored("older than the newest event already applied to task " + current.get().id());
            }
            TaskMerge.Result r = TaskMerge.merge(current.orElse(null), draft, validation, channels);
            r.notes().forEach(note -> LOG.info("Task of page {}: {}", event.entityId(), note));
            if (current.isEmpty()) {
                try {
                    long id = tasks.insertFromNotion(event.entityId(), r, event.eventTime());
                    LOG.info("Task {} created from Notion page {}: {} / {}{}", id, event.entityId(), r.status().dbValue(),
                            r.priority().dbValue(), r.needsPush() ? " (Notion to be updated by the poller)" : "");
                    return Outcome.applied("created task " + id + " (" + r.status().dbValue() + ")");
                } catch (TaskRepository.DuplicatePageException e) {
                    continue;
                }
            }
            Task t = current.get();
            if (tasks.updateFromNotion(t, r, event.eventTime())) {
                LOG.info("Task {} updated from Notion page {}: {} -> {}, priority {}{}", t.id(), event.entityId(),
                        t.status().dbValue(), r.status().dbValue(), r.priority().dbValue(),
                        r.needsPush() ? " (Notion to be updated by the poller)" : "");
                return Outcome.applied("updated task " + t.id() + " (" + t.status().dbValue() + " -> "
                        + r.status().dbValue() + ")");
            }
        }
        throw new IllegalStateException("task of page " + event.entityId() + " kept changing while being updated");
    }

    private Outcome markDeleted(Task task, InboxEvent event, String why) {
        Task t = task;
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            if (tasks.markDeleted(t, true, event.eventTime())) {
                LOG.info("Task {} marked deleted in Notion: {}", t.id(), why);
                return Outcome.applied("task " + t.id() + " marked deleted in Notion: " + why);
            }
            t = tasks.find(t.id()).orElseThrow();
            if (isStale(event, t)) {
                return Outcome.ignored("older than the newest event already applied to task " + t.id());
            }
        }
        throw new IllegalStateException("task " + task.id() + " kept changing while being marked deleted");
    }

    /**
     * Whether {@code later}, when applied, makes an earlier event of the same page redundant: it reads the page anew
     * (or marks it deleted) and is not the bridge's own echo. Events of one page in one batch are then read once.
     */
    public boolean supersedesEarlierEvents(InboxEvent later) {
        if (!IncomingEvent.AUTOMATION.equals(later.source())
                && !io.notionbridge.tasks.webhook.WebhookIntake.TASK_EVENT_TYPES.contains(later.eventType())) {
            return false;
        }
        try {
            return !ownEdit(later, payload(later), notion.botId());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the event comes only from the bridge's own bot. */
    static boolean ownEdit(InboxEvent event, JsonNode payload, String botId) {
        if (IncomingEvent.AUTOMATION.equals(event.source())) {
            return TaskNotion.sameId(payload.path("data").path("last_edited_by").path("id").asText(null), botId);
        }
        JsonNode authors = payload.path("authors");
        if (!authors.isArray() || authors.isEmpty()) {
            return false;
        }
        for (JsonNode a : authors) {
            if (!"bot".equals(a.path("type").asText()) || !TaskNotion.sameId(a.path("id").asText(null), botId)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the event is older than the newest event applied to {@code task}. Automation payloads carry the page's
     * minute-rounded {@code last_edited_time}, so they are compared to the minute.
     */
    static boolean isStale(InboxEvent event, Task task) {
        Instant applied = task.notionEventTime();
        Instant time = event.eventTime();
        if (applied == null || time == null) {
            return false;
        }
        if (IncomingEvent.AUTOMATION.equals(event.source())) {
            applied = applied.truncatedTo(ChronoUnit.MINUTES);
        }
        return time.isBefore(applied);
    }

    /** Whether the event itself says its page is outside the task database (no Notion call needed). */
    private boolean outsideTaskDatabase(InboxEvent event, JsonNode payload) {
        if (IncomingEvent.AUTOMATION.equals(event.source())) {
            String db = payload.path("data").path("parent").path("database_id").asText(null);
            return db != null && !TaskNotion.sameId(db, databaseId);
        }
        JsonNode parent = payload.path("data").path("parent");
        if (parent.isMissingNode() || parent.path("type").isMissingNode()) {
            return false;
        }
        if ("database".equals(parent.path("type").asText())) {
            return !TaskNotion.sameId(parent.path("id").asText(null), databaseId);
        }
        return !"data_source".equals(parent.path("type").asText());
    }

    private boolean inTaskDatabase(PageView page) {
        if (page.parent().databaseId() != null) {
            return TaskNotion.sameId(page.parent().databaseId(), databaseId);
        }
        String ds = page.parent().dataSourceId();
        return ds != null && notion.dataSourceIds(databaseId).stream().anyMatch(id -> TaskNotion.sameId(id, ds));
    }

    private static JsonNode payload(InboxEvent event) {
        try {
            return JSON.readTree(event.payload());
        } catch (IOException e) {
            throw new IllegalStateException("stored payload of event " + event.eventId() + " is not JSON", e);
        }
    }
}
