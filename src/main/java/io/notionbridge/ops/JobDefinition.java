package io.notionbridge.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A job the bridge runs on its timers and on demand (CLI, JMX, admin API, MCP): the {@code direct:} route that runs
 * it, the timer routes that trigger it (paused and resumed together), where its runs are recorded in
 * {@code job_runs}, how often it is expected to run, fixed headers (such as the warehouse database), whether it has
 * a dry run, and the options a run by hand may set ({@link JobOption}). An interval of zero marks a job driven by
 * events (it records runs only when there is work), which the "has not run" alert leaves alone.
 */
public record JobDefinition(String name, String description, String entry, List<String> timerRoutes, String historyJob,
                            String historyScope, Duration interval, Map<String, Object> headers, boolean dryRun,
                            List<JobOption> options) {

    public JobDefinition {
        timerRoutes = List.copyOf(timerRoutes);
        headers = Map.copyOf(headers);
        options = List.copyOf(options);
    }

    /** The id of the route behind {@link #entry()} is looked up by endpoint, so this only names it for messages. */
    public String entryRouteHint() {
        return entry.replace("direct:", "");
    }
}
