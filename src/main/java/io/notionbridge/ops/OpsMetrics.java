package io.notionbridge.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Job and backlog metrics for {@code /observe/metrics}: per job its runs, failures, consecutive failures, last
 * duration and outcome (0 ok, 1 partial, 2 failed, -1 never run) and whether it is paused; the webhook inbox's depth
 * and parked events; pending signals. Values come from the run history and the store, so they survive restarts.
 */
public final class OpsMetrics {

    private OpsMetrics() {
    }

    public static void bind(MeterRegistry registry, JobService jobs, StoreGauges store) {
        for (JobDefinition job : jobs.jobs()) {
            String name = job.name();
            FunctionCounter.builder("bridge_job_runs", jobs, j -> j.status(name).runs()).tag("job", name)
                    .description("Finished runs of the job").register(registry);
            FunctionCounter.builder("bridge_job_failures", jobs, j -> j.status(name).failures()).tag("job", name)
                    .description("Failed runs of the job").register(registry);
            Gauge.builder("bridge_job_consecutive_failures", jobs, j -> j.status(name).consecutiveFailures()).tag("job", name)
                    .description("Failed runs in a row, up to the last one").register(registry);
            Gauge.builder("bridge_job_last_duration_seconds", jobs, j -> j.status(name).lastDurationMs() / 1000.0)
                    .tag("job", name).description("Duration of the last run").register(registry);
            Gauge.builder("bridge_job_last_outcome", jobs, j -> outcome(j.status(name).lastOutcome())).tag("job", name)
                    .description("Last run: 0 ok, 1 partial, 2 failed, -1 never run").register(registry);
            Gauge.builder("bridge_job_paused", jobs, j -> j.isPaused(name) ? 1 : 0).tag("job", name)
                    .description("1 while the job's timers are paused").register(registry);
        }
        Gauge.builder("bridge_webhook_inbox_depth", store, s -> s.read().inboxDepth())
                .description("Webhook events waiting to be processed").register(registry);
        Gauge.builder("bridge_webhook_inbox_parked", store, s -> s.read().inboxParked())
                .description("Webhook events parked after too many failures").register(registry);
        Gauge.builder("bridge_signals_pending", store, s -> s.read().pendingSignals())
                .description("Signals waiting for the push job").register(registry);
    }

    static double outcome(String o) {
        if (o == null) {
            return -1;
        }
        return switch (o) {
            case "ok" -> 0;
            case "partial" -> 1;
            case "failed" -> 2;
            default -> -1;
        };
    }
}
