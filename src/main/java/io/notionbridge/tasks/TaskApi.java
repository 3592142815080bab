package io.notionbridge.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.notionbridge.runtime.HttpProblem;
import io.notionbridge.runtime.JsonBody;
import io.notionbridge.tasks.webhook.WebhookIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The task API for the pipeline's workers and for reviewers ({@code routes/task-api.camel.yaml}). Answers are JSON;
 * a caller's mistake is an {@link HttpProblem}: 400 (bad request), 404 (no such task), 409 (a move the state machine
 * refuses, with the reason). Every change is a database change; the poller shows it in Notion.
 */
public class TaskApi {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Logger LOG = LoggerFactory.getLogger(TaskApi.class);
    private static final int WRITE_ATTEMPTS = 5;
    /** The fields each body may hold; any other field is a 400 {@code unknown_field}. */
    static final List<String> CLAIM_FIELDS = List.of("worker", "channel");
    static final Map<String, List<String>> ACTION_FIELDS = Map.of("transition", List.of("to", "worker"),
            "approve", List.of("reason", "reviewer"), "reject", List.of("reason", "reviewer"),
            "priority", List.of("priority"));
    /** Longest text per field: the store's column sizes (claimed_by, reviewed_by), and the review note. */
    static final Map<String, Integer> MAX_LENGTH = Map.of("worker", 200, "reviewer", 200, "channel", 100,
            "reason", 10_000, "to", 100, "priority", 100);

    private final TaskRepository tasks;
    private final ChannelRegistry channels;

    public TaskApi(TaskRepository tasks, ChannelRegistry channels) {
        this.tasks = tasks;
        this.channels = channels;
    }

    /** {@code GET /api/tasks?status=&channel=&limit=&after=}: tasks in id order, 100 by default (at most 1000). */
    public String list(String status, String channel, String limit, String after) {
        TaskState state = status == null || status.isBlank() ? null : state(status, "status");
        if (channel != null && !channel.isBlank() && !channels.contains(channel)) {
            throw new HttpProblem(400, "unknown_channel", "channel '" + channel + "' is not configured (configured: "
                    + String.join(", ", channels.ids()) + ")");
        }
        int n = number(limit, 100, "limit");
        List<Task> found = tasks.list(state, channel == null || channel.isBlank() ? null : channel.strip(), n,
                number(after, 0, "after"));
        List<Map<String, Object>> out = new ArrayList<>();
        found.forEach(t -> out.add(view(t)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tasks", out);
        body.put("next", found.size() == Math.min(1000, Math.max(1, n)) ? found.get(found.size() - 1).id() : null);
        return json(body);
    }

    /** {@code GET /api/tasks/{id}}. */
    public String get(String id) {
        return json(view(task(id)));
    }

    /**
     * {@code POST /api/tasks/claim} {@code {"worker":"w1","channel":"tech-explained"?}}: the next pending (or retry)
     * task, high priority first, moved to processing for {@code worker}; null (204) when there is none.
     */
    public String claim(String body) {
        JsonNode json = body(body, CLAIM_FIELDS);
        String worker = requiredText(json, "worker");
        String channel = text(json, "channel");
        if (channel != null && !channels.contains(channel)) {
            throw new HttpProblem(400, "unknown_channel", "channel '" + channel + "' is not configured");
        }
        Optional<Task> claimed = tasks.claimNext(worker, channel);
        claimed.ifPresent(t -> logChange(t, "claimed by " + worker + " (processing)"));
        return claimed.map(t -> json(view(t))).orElse(null);
    }

    /**
     * {@code POST /api/tasks/{id}/{action}}: {@code transition} {@code {"to":"awaiting_review","worker":"w1"?}},
     * {@code approve} / {@code reject} {@code {"reason":"…","reviewer":"…"?}} (from awaiting_review; a rejection needs
     * a reason), {@code priority} {@code {"priority":"high"}}.
     */
    public String action(String id, String action, String body) {
        List<String> fields = ACTION_FIELDS.get(action == null ? "" : action);
        if (fields == null) {
            throw new HttpProblem(404, "unknown_action", "no action '" + clip(action)
                    + "' on a task; use transition, approve, reject or priority");
        }
        Task task = task(id);
        JsonNode json = body(body, fields);
        return switch (action) {
            case "transition" -> move(task, state(requiredText(json, "to"), "to"), text(json, "worker"), null, null);
            case "approve" -> review(task, TaskState.APPROVED, json, false);
            case "reject" -> review(task, TaskState.REJECTED, json, true);
            default -> priority(task, requiredText(json, "priority"));
        };
    }

    private String review(Task task, TaskState verdict, JsonNode json, boolean reasonRequired) {
        if (task.status() != TaskState.AWAITING_REVIEW) {
            throw new HttpProblem(409, "not_awaiting_review", "task " + task.id() + " is " + task.status().dbValue()
                    + ", not awaiting_review: only a task awaiting review can be "
                    + (verdict == TaskState.APPROVED ? "approved" : "rejected"));
        }
        String reason = reasonRequired ? requiredText(json, "reason") : text(json, "reason");
        String reviewer = text(json, "reviewer");
        return move(task, verdict, null, reviewer == null ? "api" : reviewer, reason == null ? "" : reason);
    }

    private String move(Task task, TaskState to, String worker, String reviewer, String note) {
        Task t = task;
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            TransitionCheck check = TaskTransitions.check(t.status(), to);
            if (!check.allowed()) {
                throw new HttpProblem(409, "illegal_transition", check.reason());
            }
            if (to != TaskState.DRAFT && t.validationError() != null) {
                throw new HttpProblem(409, "invalid_entry", "task " + t.id() + " is an invalid entry and stays draft until "
                        + "it is fixed in Notion: " + t.validationError());
            }
            if (tasks.transition(t, to, worker, reviewer, note)) {
                Task after = tasks.find(t.id()).orElseThrow();
                logChange(after, t.status().dbValue() + " -> " + to.dbValue()
                        + (worker == null ? "" : " by " + worker) + (reviewer == null ? "" : " (review by " + reviewer + ")"));
                return json(view(after));
            }
            t = tasks.find(t.id()).orElseThrow(() -> notFound(task.id()));
        }
        throw new HttpProblem(409, "concurrent_change", "task " + task.id() + " kept changing; try again");
    }

    private String priority(Task task, String value) {
        TaskPriority p = TaskPriority.parse(value).filter(x -> !value.isBlank()).orElseThrow(() -> new HttpProblem(400,
                "invalid_priority", "priority '" + value + "' is not one of low, normal, high"));
        Task t = task;
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            if (t.priority() == p) {
                return json(view(t));
            }
            if (tasks.setPriority(t, p)) {
                Task after = tasks.find(t.id()).orElseThrow();
                logChange(after, "priority " + t.priority().dbValue() + " -> " + p.dbValue());
                return json(view(after));
            }
            t = tasks.find(t.id()).orElseThrow(() -> notFound(task.id()));
        }
        throw new HttpProblem(409, "concurrent_change", "task " + task.id() + " kept changing; try again");
    }

    private static void logChange(Task t, String what) {
        try (MDC.MDCCloseable corr = MDC.putCloseable(WebhookIntake.CORRELATION_KEY, "task-" + t.id())) {
            LOG.info("Task {} {}; Notion follows at the next push", t.id(), what);
        }
    }

    /** A task as the API shows it. */
    static Map<String, Object> view(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("title", t.title());
        m.put("channel", t.channel());
        m.put("topic", t.topic());
        m.put("storyDirection", t.storyDirection());
        m.put("status", t.status().dbValue());
        m.put("priority", t.priority().dbValue());
        m.put("notionPageId", t.notionPageId());
        m.put("notionStatus", t.notionStatus());
        m.put("deletedInNotion", t.deletedInNotion());
        m.put("validationError", t.validationError());
        m.put("claimedBy", t.claimedBy());
        m.put("claimedAt", t.claimedAt());
        m.put("reviewNote", t.reviewNote());
        m.put("reviewedBy", t.reviewedBy());
        m.put("reviewedAt", t.reviewedAt());
        m.put("createdAt", t.createdAt());
        m.put("updatedAt", t.updatedAt());
        m.put("changedAt", t.changedAt());
        m.put("pushedAt", t.pushedAt());
        m.put("pushPending", t.hasUnpushedChange());
        m.put("pushError", t.pushError());
        m.put("allowedTransitions", TaskTransitions.allowedFrom(t.status()).stream().map(TaskState::dbValue).toList());
        return m;
    }

    private Task task(String id) {
        long n;
        try {
            n = Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "invalid_id", "task id '" + clip(String.valueOf(id)) + "' is not a number");
        }
        return tasks.find(n).orElseThrow(() -> notFound(n));
    }

    private static HttpProblem notFound(long id) {
        return new HttpProblem(404, "task_not_found", "no task " + id);
    }

    private static TaskState state(String value, String field) {
        return TaskState.find(value).orElseThrow(() -> new HttpProblem(400, "invalid_state", field + " '" + value
                + "' is not a task state; states: draft, pending, processing, awaiting_review, approved, rejected, "
                + "completed, failed, retry"));
    }

    private static int number(String value, int defaultValue, String name) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "invalid_parameter", name + " '" + value + "' is not a whole number ≥ 0");
        }
    }

    /** The body as a JSON object holding only {@code fields} (absent or blank: an empty object). */
    static JsonNode body(String body, List<String> fields) {
        JsonNode json = JsonBody.object(body, JsonBody.MAX_COMMAND_BYTES);
        JsonBody.onlyFields(json, fields);
        return json;
    }

    private static String requiredText(JsonNode json, String field) {
        String v = text(json, field);
        if (v == null) {
            throw new HttpProblem(400, "missing_field", "'" + field + "' is required");
        }
        return v;
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new HttpProblem(400, "invalid_field", "'" + field + "' must be a string, got " + JsonBody.kind(v));
        }
        String s = v.asText().strip();
        Integer max = MAX_LENGTH.get(field);
        if (max != null && s.length() > max) {
            throw new HttpProblem(400, "invalid_field", "'" + field + "' is " + s.length() + " characters long; at most "
                    + max + " are allowed");
        }
        return s.isEmpty() ? null : s;
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
