package io.notionbridge.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.runtime.HttpProblem;
import io.notionbridge.store.JobRuns;

/**
 * The admin HTTP API's answers (routes/admin.camel.yaml): list jobs with their status, one job's status, run a job
 * now (optionally as a dry run, with its options as a JSON body), pause and resume its timers.
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

    /** Runs {@code job}; {@code dryRun} is the query parameter ("true"/"false"/null); {@code body} its options. */
    public String run(String job, String dryRun, String body) throws Exception {
        Map<String, Object> options = new HashMap<>();
        if (body != null && !body.isBlank()) {
            JsonNode json;
            try {
                json = JobRuns.JSON.readTree(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new HttpProblem(400, "invalid_json", "the body is not valid JSON: " + e.getOriginalMessage());
            }
            if (!json.isObject()) {
                throw new HttpProblem(400, "invalid_request", "the body must be a JSON object of job options");
            }
            json.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                    : e.getValue().isNumber() ? e.getValue().numberValue() : e.getValue().isBoolean() ? e.getValue().asBoolean()
                    : e.getValue().toString()));
        }
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw new HttpProblem(400, "invalid_request", "dryRun must be true or false, got '" + dryRun + "'");
        }
        Object result = jobs.run(known(job), "true".equals(dryRun), options);
        return JobRuns.JSON.writeValueAsString(Map.of("job", job, "dryRun", "true".equals(dryRun), "result",
                result == null ? Map.of() : result));
    }

    public String pause(String job) throws Exception {
        jobs.pause(known(job));
        return status(job);
    }

    public String resume(String job) throws Exception {
        jobs.resume(known(job));
        return status(job);
    }

    private String known(String job) {
        try {
            return jobs.job(job).name();
        } catch (JobService.UnknownJobException e) {
            throw new HttpProblem(404, "unknown_job", e.getMessage());
        }
    }
}
