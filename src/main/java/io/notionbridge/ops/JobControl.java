package io.notionbridge.ops;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.notionbridge.store.JobRuns;

/** The JMX face of one job; every read goes to {@link JobService} (the run history), every operation through it. */
public class JobControl implements JobControlMBean {

    private final JobService jobs;
    private final String name;

    public JobControl(JobService jobs, String name) {
        this.jobs = jobs;
        this.name = name;
    }

    private JobStatus status() {
        return jobs.status(name);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return jobs.job(name).description();
    }

    @Override
    public boolean isPaused() {
        return jobs.isPaused(name);
    }

    @Override
    public long getRuns() {
        return status().runs();
    }

    @Override
    public long getFailures() {
        return status().failures();
    }

    @Override
    public int getConsecutiveFailures() {
        return status().consecutiveFailures();
    }

    @Override
    public String getLastStartedAt() {
        JobStatus s = status();
        return s.lastStartedAt() == null ? "" : s.lastStartedAt().toString();
    }

    @Override
    public String getLastFinishedAt() {
        JobStatus s = status();
        return s.lastFinishedAt() == null ? "" : s.lastFinishedAt().toString();
    }

    @Override
    public String getLastOutcome() {
        String o = status().lastOutcome();
        return o == null ? "never run" : o;
    }

    @Override
    public long getLastDurationMs() {
        return status().lastDurationMs();
    }

    @Override
    public String getLastStatsJson() {
        JobStatus s = status();
        return s.lastStats() == null ? "{}" : s.lastStats().toString();
    }

    @Override
    public String getLastError() {
        String e = status().lastError();
        return e == null ? "" : e;
    }

    @Override
    public String runNow() {
        return json(jobs.run(name, false, Map.of()));
    }

    @Override
    public String runDryRun() {
        return json(jobs.run(name, true, Map.of()));
    }

    @Override
    public void pause() throws Exception {
        jobs.pause(name);
    }

    @Override
    public void resume() throws Exception {
        jobs.resume(name);
    }

    private static String json(Object o) {
        try {
            return JobRuns.JSON.writeValueAsString(o == null ? Map.of() : o);
        } catch (JsonProcessingException e) {
            return String.valueOf(o);
        }
    }
}
