package io.notionbridge.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.store.JobRuns;
import io.notionbridge.warehouse.SyncStats;
import io.notionbridge.warehouse.WarehouseSettings;
import io.notionbridge.warehouse.WarehouseSyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sync}: copy the configured Notion databases into the warehouse's bronze table now (the timer's job, once). */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Copy the configured Notion databases into the bronze table bronze_notion_raw_pages now: "
                + "incrementally from each database's watermark, or every page with --full-refresh (which also marks "
                + "pages deleted in Notion).", "Exit code 1 when a database failed; a new run resumes where it stopped."})
public class SyncCommand implements Callable<Integer> {

    @ParentCommand
    BridgeCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--full-refresh", description = "read every page, and mark rows of pages Notion no longer has")
    boolean fullRefresh;

    @Option(names = {"-d", "--database"}, paramLabel = "NAME", description = "only this database (see list-databases)")
    String database;

    @Option(names = "--json", description = "print the statistics as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BridgeConfig config = cli.config();
        WarehouseSettings settings = WarehouseSettings.from(config);
        Map<String, Object> headers = new HashMap<>();
        headers.put("fullRefresh", fullRefresh);
        if (database != null) {
            headers.put("database", settings.database(database).name());
        }
        WarehouseSyncReport report;
        try (OneShotRuntime rt = OneShotRuntime.start(config, List.of("warehouse-sync"), cli.overrides())) {
            report = rt.request("direct:warehouse-sync", null, headers, WarehouseSyncReport.class);
        }
        if (report == null) {
            throw new BridgeException("the warehouse sync did not run; see the log (BRIDGE_LOG_LEVEL=INFO) for why");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JobRuns.JSON.writeValueAsString(report));
        } else {
            for (SyncStats s : report.databases()) {
                out.println(summary(s));
            }
        }
        out.flush();
        return report.ok() ? 0 : 1;
    }

    /** {@code projects      incremental  ok      fetched 20, inserted 20, …}. */
    static String summary(SyncStats s) {
        String head = String.format("%-14s %-12s %-8s", s.database(), s.mode(), s.outcome());
        if (s.outcome() == SyncStats.Outcome.skipped) {
            return head + " " + s.error();
        }
        String body = String.format("fetched %d, inserted %d, updated %d, unchanged %d, marked deleted %d, "
                        + "references completed %d, Notion requests %d, %.1f s%s", s.pagesFetched(), s.inserted(), s.updated(),
                s.unchanged(), s.markedDeleted(), s.referencesCompleted(), s.notionRequests(), s.durationMs() / 1000.0,
                s.resumed() ? " (resumed)" : "");
        return head + " " + body + (s.error() == null ? "" : System.lineSeparator() + "               error: " + s.error());
    }
}
