package io.notionbridge.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.notionbridge.cluster.ClusterLeadership;
import io.notionbridge.cluster.NotLeaderException;
import io.notionbridge.config.BridgeException;
import io.notionbridge.store.JobRuns;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs, pauses and reports jobs by name, for JMX, the admin API and MCP. Running a job sends one message to its
 * {@code direct:} entry, the same route its timers use; pausing makes its timers skip their ticks on every instance
 * ({@link PausedJobTimers}); a paused job can still be run by hand.
 */
public class JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    private final CamelContext context;
    private final JobCatalog catalog;
    private final DataSource dataSource;
    private final ProducerTemplate producer;
    private final JobPauses pauses;

    public JobService(CamelContext context, JobCatalog catalog, DataSource dataSource) {
        this.context = context;
        this.catalog = catalog;
        this.dataSource = dataSource;
        this.pauses = new JobPauses(dataSource, Clock.systemUTC());
        this.producer = context.createProducerTemplate();
    }

    /** The jobs this runtime can run. */
    public List<JobDefinition> jobs() {
        return catalog.available(context);
    }

    public JobDefinition job(String name) {
        return jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow(() -> new UnknownJobException(name,
                jobs().stream().map(JobDefinition::name).toList()));
    }

    /** Runs {@code name} once now and returns what it reports (its statistics object). */
    public Object run(String name, boolean dryRun, Map<String, Object> options) {
        JobDefinition job = job(name);
        if (dryRun && !job.dryRun()) {
            throw new BridgeException("job " + name + " has no dry run; run it without dryRun");
        }
        Map<String, Object> headers = new HashMap<>(job.headers());
        if (options != null) {
            headers.putAll(options);
        }
        headers.put("dryRun", dryRun);
        awaitLeader(name);
        LOG.info("Job {} run by hand{}", name, dryRun ? " (dry run)" : "");
        try {
            return producer.requestBodyAndHeaders(job.entry(), null, headers);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** Jobs run on the cluster leader only, by hand as on their timers; a stand-by refuses ({@link NotLeaderException}). */
    private void awaitLeader(String name) {
        ClusterLeadership leadership = context.getRegistry().lookupByNameAndType("clusterLeadership", ClusterLeadership.class);
        if (leadership == null) {
            return;
        }
        try {
            leadership.awaitLeaderFor("job " + name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for leadership to run job " + name, e);
        }
    }

    /**
     * Pauses the job: its timers skip their ticks on every instance until it is resumed (the pause is kept in the store);
     * it can still be run by hand.
     */
    public void pause(String name) {
        job(name);
        pauses.pause(name, nodeId());
        LOG.warn("Job {} paused: its timers skip their runs on every instance until it is resumed", name);
    }

    /** Lets the job's timers run again. */
    public void resume(String name) {
        job(name);
        pauses.resume(name);
        LOG.info("Job {} resumed", name);
    }

    public boolean isPaused(String name) {
        return pauses.isPaused(name);
    }

    private String nodeId() {
        ClusterLeadership leadership = context.getRegistry().lookupByNameAndType("clusterLeadership", ClusterLeadership.class);
        return leadership == null ? null : leadership.settings().nodeId();
    }

    /** The job's runs so far and its last run, from the run history. */
    public JobStatus status(String name) {
        JobDefinition job = job(name);
        if (job.historyJob() == null) {
            return new JobStatus(name, job.description(), isPaused(name), 0, 0, 0, null, null, null, 0, null, null);
        }
        JobRuns runs = new JobRuns(dataSource);
        List<JobRuns.Run> recent = runs.recent(job.historyJob(), job.historyScope(), 50);
        int consecutive = 0;
        for (JobRuns.Run r : recent) {
            if (r.outcome() != JobRuns.Outcome.FAILED) {
                break;
            }
            consecutive++;
        }
        long[] totals = totals(job);
        JobRuns.Run last = recent.isEmpty() ? null : recent.get(0);
        return new JobStatus(name, job.description(), isPaused(name), totals[0], totals[1], consecutive,
                last == null ? null : last.startedAt(), last == null ? null : last.finishedAt(),
                last == null ? null : last.outcome().name().toLowerCase(),
                last == null || last.finishedAt() == null ? 0 : Duration.between(last.startedAt(), last.finishedAt()).toMillis(),
                last == null ? null : last.stats(), last == null ? null : last.error());
    }

    private long[] totals(JobDefinition job) {
        String sql = "SELECT COUNT(*), SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END) FROM job_runs WHERE job = ?"
                + (job.historyScope() == null ? "" : " AND scope = ?") + " AND finished_at IS NOT NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, job.historyJob());
            if (job.historyScope() != null) {
                ps.setString(2, job.historyScope());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the run history of " + job.name() + ": " + e.getMessage(), e);
        }
    }

    /** A job name that is not in this runtime. */
    public static class UnknownJobException extends BridgeException {
        public UnknownJobException(String name, List<String> known) {
            super("no job '" + name + "'; jobs: " + String.join(", ", known));
        }
    }
}
