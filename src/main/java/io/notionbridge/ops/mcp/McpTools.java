package io.notionbridge.ops.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.store.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP tools: one per job (run it now, optionally as a dry run) and {@code stats} (the jobs' run history). Every
 * tool is always listed, since clients read the list once; a tool whose job this runtime does not have answers
 * {@code isError: true} saying so. To offer a new job, add one line to {@link #JOB_TOOLS}.
 */
public final class McpTools {

    private static final Logger LOG = LoggerFactory.getLogger(McpTools.class);

    /** The jobs offered as tools, one line each: tool name, job name, title, description, arguments. */
    static final List<JobTool> JOB_TOOLS = List.of(
            new JobTool("sync-suppression-cache", "suppression-sync", "Sync the suppression cache", "Mirror the Notion CRM into the bridge's local suppression cache (the companies the CRM already holds, so none is pushed twice). Incremental unless full is true. Answers the run's statistics.", List.of(ToolArg.flag("full", "full", "true: read every CRM page and drop entries of pages that are gone (default false: only pages edited since the last sync)"), ToolArg.DRY_RUN)),
            new JobTool("push-batch", "discovery-push", "Push a batch of prospects", "Score the collected signals and push the qualified companies into the Notion CRM, never creating one twice. Answers the batch's statistics.", List.of(ToolArg.integer("limit", "limit", "push at most this many companies in this batch", 1, 10_000), ToolArg.DRY_RUN, ToolArg.text("key", "key", "only this company, by canonical key, e.g. domain:acme.ai"))),
            new JobTool("sync-warehouse", "warehouse-sync", "Sync Notion to the warehouse", "Copy the configured Notion databases, page by page, as raw JSON into the warehouse's bronze table, incrementally by last edit unless full_refresh is true. Answers the run's statistics.", List.of(ToolArg.text("database", "database", "only this configured database, by its name in bridge.warehouse.databases (e.g. projects); default: every configured database"), ToolArg.flag("full_refresh", "fullRefresh", "true: copy every page again instead of only those edited since the last sync"), ToolArg.DRY_RUN)));

    static final String STATS = "stats";

    private final McpJobs jobs;
    private final ObjectMapper json = JobRuns.JSON;

    public McpTools(McpJobs jobs) {
        this.jobs = jobs;
    }

    /** The {@code tools/list} result's {@code tools} array. */
    public ArrayNode list() {
        ArrayNode tools = JsonNodeFactory.instance.arrayNode();
        for (JobTool t : JOB_TOOLS) {
            ObjectNode props = JsonNodeFactory.instance.objectNode();
            t.args().forEach(a -> props.set(a.name(), a.schema()));
            tools.add(tool(t.name(), t.title(), t.description() + " Runs the bridge job '" + t.job() + "'.", props,
                    false));
        }
        ObjectNode statsProps = JsonNodeFactory.instance.objectNode();
        statsProps.set("job", ToolArg.text("job", null, "a job name (in this runtime: "
                + String.join(", ", jobs.available()) + ") or a job tool's name; default: every job of this runtime")
                .schema());
        tools.add(tool(STATS, "Job statistics", "How the bridge's jobs have run: for each job, whether its timers are "
                + "paused, runs and failures so far, consecutive failures, and the last run's outcome, duration, statistics "
                + "and error (from the run history, so it survives restarts).", statsProps, true));
        return tools;
    }

    private static ObjectNode tool(String name, String title, String description, ObjectNode properties, boolean readOnly) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("name", name);
        t.put("title", title);
        t.put("description", description);
        ObjectNode schema = t.putObject("inputSchema");
        schema.put("type", "object");
        schema.set("properties", properties);
        schema.put("additionalProperties", false);
        ObjectNode hints = t.putObject("annotations");
        hints.put("title", title);
        hints.put("readOnlyHint", readOnly);
        hints.put("destructiveHint", false);
        hints.put("idempotentHint", readOnly);
        hints.put("openWorldHint", !readOnly);
        return t;
    }

    static Optional<JobTool> jobTool(String name) {
        return JOB_TOOLS.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * Runs a tool and returns the {@code tools/call} result. An unknown tool or bad arguments are protocol errors
     * ({@link JsonRpcException}, -32602); a job that is missing or fails is a result with {@code isError: true}.
     */
    public ObjectNode call(String name, JsonNode arguments) {
        JsonNode args = arguments == null || arguments.isNull() ? JsonNodeFactory.instance.objectNode() : arguments;
        if (!args.isObject()) {
            throw new JsonRpcException(JsonRpcException.INVALID_PARAMS, "arguments must be a JSON object, got " + args);
        }
        if (STATS.equals(name)) {
            validate(name, List.of(ToolArg.text("job", null, "")), args);
            return stats(args.hasNonNull("job") ? args.get("job").asText().trim() : null);
        }
        JobTool tool = jobTool(name).orElseThrow(() -> new JsonRpcException(JsonRpcException.INVALID_PARAMS,
                "Unknown tool: " + name + " (tools: " + String.join(", ", toolNames()) + ")"));
        validate(name, tool.args(), args);
        if (!jobs.available().contains(tool.job())) {
            return error("job " + tool.job() + " is not available in this runtime");
        }
        boolean dryRun = false;
        Map<String, Object> headers = new LinkedHashMap<>();
        for (ToolArg a : tool.args()) {
            JsonNode v = args.get(a.name());
            if (v == null || v.isNull()) {
                continue;
            }
            if (a.header() == null) {
                dryRun = v.asBoolean();
            } else {
                headers.put(a.header(), a.value(v));
            }
        }
        Object result;
        try {
            result = jobs.run(tool.job(), dryRun, headers);
        } catch (RuntimeException e) {
            LOG.warn("MCP tool {}: job {} failed: {}", name, tool.job(), e.toString());
            return error("job " + tool.job() + " failed: " + message(e));
        }
        ObjectNode structured = structured(result);
        JsonNode errors = structured.get("errors");
        return success(structured, errors != null && errors.isNumber() && errors.asLong() > 0);
    }

    private ObjectNode stats(String job) {
        List<String> available = jobs.available();
        if (job == null) {
            ObjectNode all = JsonNodeFactory.instance.objectNode();
            ArrayNode list = all.putArray("jobs");
            for (String j : available) {
                list.add(json.valueToTree(jobs.status(j)));
            }
            return success(all, false);
        }
        String name = jobTool(job).map(JobTool::job).orElse(job);
        if (!available.contains(name)) {
            return error("job " + name + " is not available in this runtime (jobs here: " + String.join(", ", available) + ")");
        }
        try {
            return success(structured(jobs.status(name)), false);
        } catch (RuntimeException e) {
            return error("cannot read the status of job " + name + ": " + message(e));
        }
    }

    private static List<String> toolNames() {
        List<String> names = new ArrayList<>(JOB_TOOLS.stream().map(JobTool::name).toList());
        names.add(STATS);
        return names;
    }

    /** Throws -32602 listing every problem: arguments the tool does not have, and values of the wrong type. */
    static void validate(String tool, List<ToolArg> declared, JsonNode args) {
        List<String> problems = new ArrayList<>();
        args.fieldNames().forEachRemaining(f -> {
            if (declared.stream().noneMatch(a -> a.name().equals(f))) {
                problems.add("unknown argument " + f + " (" + tool + " takes: "
                        + String.join(", ", declared.stream().map(ToolArg::name).toList()) + ")");
            }
        });
        for (ToolArg a : declared) {
            JsonNode v = args.get(a.name());
            if (v != null && !v.isNull()) {
                String p = a.problem(v);
                if (p != null) {
                    problems.add(p);
                }
            }
        }
        if (!problems.isEmpty()) {
            ArrayNode data = JsonNodeFactory.instance.arrayNode();
            problems.forEach(data::add);
            throw new JsonRpcException(JsonRpcException.INVALID_PARAMS,
                    "Invalid arguments for tool " + tool + ": " + String.join("; ", problems),
                    JsonNodeFactory.instance.objectNode().set("errors", data));
        }
    }

    private ObjectNode structured(Object result) {
        JsonNode node = json.valueToTree(result);
        if (node instanceof ObjectNode o) {
            return o;
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        wrapped.set("result", node);
        return wrapped;
    }

    private ObjectNode success(ObjectNode structured, boolean isError) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        String text;
        try {
            text = json.writeValueAsString(structured);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tool result as JSON", e);
        }
        r.putArray("content").addObject().put("type", "text").put("text", text);
        r.set("structuredContent", structured);
        r.put("isError", isError);
        return r;
    }

    private static ObjectNode error(String message) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.putArray("content").addObject().put("type", "text").put("text", message);
        r.put("isError", true);
        return r;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
