package io.notionbridge.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.notionbridge.config.BridgeException;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.store.JobRuns;
import io.notionbridge.suppression.SuppressionSyncStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code suppression-sync}: mirror the Notion CRM into the local suppression cache now (or on an interval). */
@Command(name = "suppression-sync", mixinStandardHelpOptions = true,
        description = "Mirror the Notion CRM into the local suppression cache (incremental unless --full).")
public class SuppressionSyncCommand implements Callable<Integer> {

    @ParentCommand
    BridgeCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "read Notion and report, write nothing to the store")
    boolean dryRun;

    @Option(names = "--full", description = "read every CRM page and remove entries of pages no longer there")
    boolean full;

    @Option(names = "--ttl-days", paramLabel = "N", description = "days entries live (default: bridge.suppression.ttl-days)")
    Integer ttlDays;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "keep running, one sync every SECONDS, until stopped")
    Integer intervalSeconds;

    @Option(names = "--json", description = "print the statistics as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (ttlDays != null && ttlDays < 1) {
            throw new BridgeException("--ttl-days must be at least 1, got " + ttlDays);
        }
        if (intervalSeconds != null && intervalSeconds < 1) {
            throw new BridgeException("--interval must be at least 1 second, got " + intervalSeconds);
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put("full", full);
        headers.put("dryRun", dryRun);
        if (ttlDays != null) {
            headers.put("ttlDays", ttlDays);
        }
        try (OneShotRuntime rt = OneShotRuntime.start(cli.config(), List.of("suppression-sync"), null)) {
            int exit;
            do {
                SuppressionSyncStats stats = rt.request("direct:suppression-sync", null, headers, SuppressionSyncStats.class);
                spec.commandLine().getOut().println(json ? JobRuns.JSON.writeValueAsString(stats) : stats.summary());
                spec.commandLine().getOut().flush();
                exit = stats.errors > 0 ? 1 : 0;
                headers.put("full", false);
                if (intervalSeconds != null) {
                    Thread.sleep(Duration.ofSeconds(intervalSeconds).toMillis());
                }
            } while (intervalSeconds != null);
            return exit;
        }
    }
}
