package io.notionbridge.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the conditions operators must hear about and posts each as an alert, de-duplicated: an alert is sent when
 * its condition starts, repeated only every {@code repeat} while it lasts, and followed by a "resolved" message when
 * it ends. Conditions: Notion rejected the token; a job failed N times in a row; the circuit breaker around Notion is
 * open; webhook events are parked; a job has not run for twice its interval (once the runtime has been up that long).
 */
public class AlertMonitor {

    /** Settings: failures in a row that alert, and how often a lasting alert is repeated. */
    public record Settings(int consecutiveFailures, Duration repeat) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);

    private final JobService jobs;
    private final Supplier<CircuitBreaker> breaker;
    private final StoreGauges store;
    private final LongSupplier authFailures;
    private final AlertSender sender;
    private final Settings settings;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<String, Instant> active = new HashMap<>();
    private long authFailuresSeen;

    public AlertMonitor(JobService jobs, Supplier<CircuitBreaker> breaker, StoreGauges store, LongSupplier authFailures,
                        AlertSender sender, Settings settings, Clock clock) {
        this.jobs = jobs;
        this.breaker = breaker;
        this.store = store;
        this.authFailures = authFailures;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.authFailuresSeen = authFailures.getAsLong();
    }

    /** Checks every condition once; returns the alerts sent (new, repeated or resolved). */
    public synchronized List<String> check() {
        Map<String, String> now = conditions();
        List<String> sent = new ArrayList<>();
        Instant t = clock.instant();
        for (Map.Entry<String, String> c : now.entrySet()) {
            Instant last = active.get(c.getKey());
            if (last == null || Duration.between(last, t).compareTo(settings.repeat()) >= 0) {
                String text = ":rotating_light: Notion Bridge: " + c.getValue();
                LOG.error("ALERT {}", c.getValue());
                sender.send(text);
                sent.add(text);
                active.put(c.getKey(), t);
            }
        }
        for (String key : new ArrayList<>(active.keySet())) {
            if (!now.containsKey(key)) {
                active.remove(key);
                String text = ":white_check_mark: Notion Bridge: resolved: " + key;
                LOG.info("Alert resolved: {}", key);
                sender.send(text);
                sent.add(text);
            }
        }
        return sent;
    }

    /** The conditions that hold now, by a stable key, with their message. */
    Map<String, String> conditions() {
        Map<String, String> c = new LinkedHashMap<>();
        long auth = authFailures.getAsLong();
        if (auth > authFailuresSeen) {
            c.put("notion-auth", "Notion rejected the integration token (401 unauthorized) " + (auth - authFailuresSeen)
                    + " time(s) since the last check: check NOTION_TOKEN and that the integration still exists");
        }
        authFailuresSeen = auth;
        CircuitBreaker b = breaker.get();
        if (b != null && (b.getState() == CircuitBreaker.State.OPEN || b.getState() == CircuitBreaker.State.FORCED_OPEN)) {
            c.put("notion-breaker", "the circuit breaker around Notion is open: Notion is failing (5xx, timeouts); calls"
                    + " are rejected until it recovers");
        }
        StoreGauges.Reading r = store.read();
        if (r.inboxParked() > 0) {
            c.put("inbox-parked", r.inboxParked() + " webhook event(s) parked after repeated failures: see docs/tasks.md"
                    + " to inspect and replay them");
        }
        Instant now = clock.instant();
        for (JobDefinition job : jobs.jobs()) {
            if (job.historyJob() == null) {
                continue;
            }
            JobStatus s = jobs.status(job.name());
            if (s.consecutiveFailures() >= settings.consecutiveFailures()) {
                c.put("job-failing:" + job.name(), "job " + job.name() + " failed " + s.consecutiveFailures()
                        + " times in a row; last error: " + s.lastError());
            }
            if (job.interval().isZero()) {
                continue;
            }
            Duration overdue = job.interval().multipliedBy(2);
            boolean upLongEnough = Duration.between(startedAt, now).compareTo(overdue) > 0;
            Instant last = s.lastStartedAt();
            if (!s.paused() && upLongEnough && (last == null || Duration.between(last, now).compareTo(overdue) > 0)) {
                c.put("job-stale:" + job.name(), "job " + job.name() + " has not run for more than twice its interval ("
                        + overdue.toMinutes() + " min); last run: " + (last == null ? "never" : last));
            }
        }
        return c;
    }
}
