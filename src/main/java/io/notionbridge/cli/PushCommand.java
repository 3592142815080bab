package io.notionbridge.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.notionbridge.config.BridgeException;
import io.notionbridge.discovery.CanonicalKey;
import io.notionbridge.discovery.DiscoveryPush;
import io.notionbridge.discovery.ProspectOutcome;
import io.notionbridge.discovery.PushSummary;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.store.JobRuns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code push}: runs the discovery push job once, through the same route the timer runs ({@code direct:discovery-push}),
 * and prints its summary. Exit code 1 when a prospect failed.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Push qualified prospects from the stored signals into the Notion CRM once (the job the timer runs).",
                "Every stored signal of a company with pending signals counts; highest scores go first."})
public class PushCommand implements Callable<Integer> {

    @ParentCommand
    BridgeCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", description = "process at most N prospects, highest score first")
    Integer limit;

    @Option(names = "--dry-run", description = "show what would happen; change nothing in Notion or in the store")
    boolean dryRun;

    @Option(names = "--key", paramLabel = "CANONICAL_KEY", description = "only this company, e.g. domain:acme.ai")
    String key;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit != null && limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, got " + limit);
        }
        Map<String, Object> headers = new HashMap<>();
        if (key != null) {
            try {
                headers.put(DiscoveryPush.KEY, CanonicalKey.parse(key).toString());
            } catch (IllegalArgumentException e) {
                throw new BridgeException("--key: " + e.getMessage());
            }
        }
        if (limit != null) {
            headers.put(DiscoveryPush.LIMIT, limit);
        }
        headers.put(DiscoveryPush.DRY_RUN, dryRun);
        PushSummary summary;
        try (OneShotRuntime rt = OneShotRuntime.start(cli.config(), List.of("discovery-push"), cli.overrides())) {
            summary = rt.request("direct:discovery-push", null, headers, PushSummary.class);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JobRuns.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        } else {
            print(out, summary);
        }
        out.flush();
        return summary.errors() > 0 ? 1 : 0;
    }

    static void print(PrintWriter out, PushSummary s) {
        out.printf(Locale.ROOT, "Discovery push%s: %d prospect(s) in %.1f s%n",
                s.dryRun() ? " (dry run, nothing was changed)" : "", s.processed(), s.durationMs() / 1000.0);
        out.printf(Locale.ROOT, "  pushed %d (%d %s, %d %s; %d for review), held %d, rejected %d, errors %d%n", s.pushed(),
                s.pushedCreated(), s.dryRun() ? "to create" : "created", s.pushedUpdated(), s.dryRun() ? "to update" : "updated",
                s.review(), s.held(), s.rejected(), s.errors());
        for (ProspectOutcome o : s.outcomes()) {
            String detail = o.pageId() != null ? "page " + o.pageId() + (o.status() == null ? "" : " (" + o.status() + ")")
                    : o.status() != null ? o.status() : o.reason() == null ? "" : o.reason();
            out.printf(Locale.ROOT, "  %-13s %-34s %-24s %-12s %-6s %s%n", o.action(), o.canonicalKey(), clip(o.companyName(), 24),
                    o.decision() == null ? "-" : o.decision(), score(o.score()), detail);
        }
        if (s.deferred() > 0) {
            out.printf(Locale.ROOT, "  %d more prospect(s) wait for the next run (--limit)%n", s.deferred());
        }
    }

    private static String score(double v) {
        String t = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return t.endsWith(".") ? t + "0" : t;
    }

    private static String clip(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
