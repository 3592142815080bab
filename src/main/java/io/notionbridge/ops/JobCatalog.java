package io.notionbridge.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.notionbridge.config.BridgeConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * Every job of the bridge, in one list. A job is available in a runtime when the route of its {@code direct:} entry
 * is loaded there (a one-shot CLI command loads only the routes it needs).
 */
public class JobCatalog {

    /** Per-database warehouse jobs are named {@code warehouse-sync-<database>}. */
    public static final String WAREHOUSE_PREFIX = "warehouse-sync-";

    private final List<JobDefinition> jobs;

    public JobCatalog(List<JobDefinition> jobs) {
        this.jobs = List.copyOf(jobs);
    }

    /** The bridge's jobs, with the intervals configured in {@code config}. */
    public static JobCatalog of(BridgeConfig config) {
        List<JobDefinition> j = new ArrayList<>();
        List<String> databases = new ArrayList<>();
        for (String db : config.get("bridge.warehouse.databases", "").split(",")) {
            if (!db.isBlank()) {
                databases.add(db.trim());
            }
        }
        j.add(new JobDefinition("suppression-sync", "Mirror the Notion CRM into the local suppression cache",
                "direct:suppression-sync", List.of("suppression-sync-timer", "suppression-full-refresh-timer"),
                "suppression-sync", "crm", millis(config, "bridge.suppression.period-ms", 900_000), Map.of(), true,
                List.of(JobOption.flag("full"), JobOption.integer("ttlDays", 1, 3650))));
        j.add(new JobDefinition("discovery-push", "Score pending signals and push qualified prospects into the Notion CRM",
                "direct:discovery-push", List.of("discovery-push-timer"), "discovery-push", null,
                millis(config, "bridge.discovery.push.period-ms", 60_000), Map.of(), true,
                List.of(JobOption.integer("limit", 1, 10_000), JobOption.text("key"))));
        j.add(new JobDefinition("warehouse-sync", "Copy every configured Notion database into the bronze table",
                "direct:warehouse-sync", List.of("warehouse-sync-timer", "warehouse-full-refresh-timer"), "warehouse-sync", null,
                millis(config, "bridge.warehouse.sync.period-ms", 900_000), Map.of(), false,
                List.of(JobOption.names("database", databases), JobOption.flag("fullRefresh"))));
        for (String db : databases) {
            j.add(new JobDefinition(WAREHOUSE_PREFIX + db, "Copy the Notion database \"" + db
                    + "\" into the bronze table (pausing it skips it on the warehouse timers)", "direct:warehouse-sync",
                    List.of(), "warehouse-sync", db, millis(config, "bridge.warehouse.sync.period-ms", 900_000),
                    Map.of("database", db), false, List.of(JobOption.flag("fullRefresh"))));
        }
        j.add(new JobDefinition("task-push", "Write changed tasks' Status and Priority to the Notion task board",
                "direct:task-push", List.of("task-push-timer"), "task-push", null,
                millis(config, "bridge.tasks.push.period-ms", 60_000), Map.of(), false, List.of()));
        j.add(new JobDefinition("task-inbox", "Process the webhook events waiting in the inbox", "direct:task-inbox",
                List.of("task-inbox-timer"), "task-inbox", null, Duration.ZERO, Map.of(), false, List.of()));
        j.add(new JobDefinition("housekeeping", "End runs a stopped instance left unfinished; delete job run history past its retention", "direct:housekeeping",
                List.of("system-housekeeping-timer"), null, null, millis(config, "bridge.housekeeping.period-ms", 86_400_000),
                Map.of(), false, List.of()));
        return new JobCatalog(j);
    }

    static Duration millis(BridgeConfig config, String key, int defaultMillis) {
        return Duration.ofMillis(config.getInt(key, defaultMillis));
    }

    public List<JobDefinition> all() {
        return jobs;
    }

    public Optional<JobDefinition> find(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst();
    }

    /** The jobs whose entry route is loaded in {@code context}. */
    public List<JobDefinition> available(CamelContext context) {
        return jobs.stream().filter(j -> entryLoaded(context, j)).toList();
    }

    static boolean entryLoaded(CamelContext context, JobDefinition job) {
        for (Route r : context.getRoutes()) {
            if (r.getEndpoint().getEndpointUri().replace("://", ":").equals(job.entry())) {
                return true;
            }
        }
        return false;
    }
}
