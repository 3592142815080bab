package io.notionbridge.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.runtime.HttpProblem;
import io.notionbridge.runtime.JsonBody;
import io.notionbridge.store.JobRuns;

/**
 * The admin HTTP API's answers (routes/admin.camel.yaml): list jobs with their status, one job's status, run a job
 * now (optionally as a dry run, with its options as a JSON body), pause and resume its timers. A bad request (unknown
 * job or option, a value of the wrong type, a dry run of a job that has none, malformed JSON) is a 4xx and runs nothing.
 */
public class AdminApi {

    private final JobService jobs;
    private final AdminToken token;

    public AdminApi(JobService jobs, AdminToken token) {
        this.jobs = jobs;
        this.token = token;
    }

    public void authorize(String authorization) {
        token.check(authorization);
    }

    public String list() throws Exception {
        List<JobStatus> all = new ArrayList<>();
        for (JobDefinition j : jobs.jobs()) {
            all.add(jobs.status(j.name()));
        }
        return JobRuns.JSON.writeValueAsString(Map.of("jobs", all));
    }

    public String status(String job) throws Exception {
        return JobRuns.JSON.writeValueAsString(jobs.status(known(job)));
    }

    /**
     * Runs {@code job}; {@code dryRun} is the query parameter ("true"/"false"/null); {@code body} a JSON object of the
     * job's options ({@link JobDefinition#options()}). Everything is checked before the job runs: a bad request runs
     * nothing.
     */
    public String run(String job, String dryRun, String body) throws Exception {
        ObjectNode json = JsonBody.object(body, JsonBody.MAX_COMMAND_BYTES);
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw new HttpProblem(400, "invalid_request", "dryRun must be true or false, got '" + clip(dryRun) + "'");
        }
        JobDefinition definition = definition(job);
        if ("true".equals(dryRun) && !definition.dryRun()) {
            throw new HttpProblem(400, "no_dry_run", "job " + definition.name() + " has no dry run; run it without dryRun");
        }
        Map<String, Object> options = options(definition, json);
        Object result = jobs.run(definition.name(), "true".equals(dryRun), options);
        return JobRuns.JSON.writeValueAsString(Map.of("job", definition.name(), "dryRun", "true".equals(dryRun), "result",
                result == null ? Map.of() : result));
    }

    /** The job's options from the body, typed; 400 for an option the job does not have or a value that does not fit. */
    static Map<String, Object> options(JobDefinition job, ObjectNode json) {
        List<String> names = job.options().stream().map(JobOption::name).toList();
        JsonBody.onlyFields(json, names);
        List<String> problems = new ArrayList<>();
        Map<String, Object> options = new HashMap<>();
        for (JobOption o : job.options()) {
            JsonNode v = json.get(o.name());
            if (v == null || v.isNull()) {
                continue;
            }
            String p = o.problem(v);
            if (p == null) {
                options.put(o.name(), o.value(v));
            } else {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new HttpProblem(400, "invalid_option", "bad options for job " + job.name() + ": "
                    + String.join("; ", problems));
        }
        return options;
    }

    public String pause(String job, String body) throws Exception {
        noBody(body);
        jobs.pause(known(job));
        return status(job);
    }

    public String resume(String job, String body) throws Exception {
        noBody(body);
        jobs.resume(known(job));
        return status(job);
    }

    private static void noBody(String body) {
        JsonBody.onlyFields(JsonBody.object(body, JsonBody.MAX_COMMAND_BYTES), List.of());
    }

    private JobDefinition definition(String job) {
        try {
            return jobs.job(job);
        } catch (JobService.UnknownJobException e) {
            throw new HttpProblem(404, "unknown_job", clip(e.getMessage()));
        }
    }

    private static String clip(String s) {
        return s.length() <= 300 ? s : s.substring(0, 297) + "...";
    }

    private String known(String job) {
        return definition(job).name();
    }
}
