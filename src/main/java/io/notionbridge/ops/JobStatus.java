package io.notionbridge.ops;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job as operators see it: whether its timers are paused, how its runs went (from {@code job_runs}, so the figures
 * survive restarts), and the last run's statistics as the job reported them.
 */
public record JobStatus(String name, String description, boolean paused, long runs, long failures,
                        int consecutiveFailures, Instant lastStartedAt, Instant lastFinishedAt, String lastOutcome,
                        long lastDurationMs, JsonNode lastStats, String lastError) {
}
