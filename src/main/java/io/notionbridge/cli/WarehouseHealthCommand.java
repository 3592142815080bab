package io.notionbridge.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.gateway.NotionEndpoint;
import io.notionbridge.gateway.NotionEndpoints;
import io.notionbridge.notion.pagination.PageFetcher;
import io.notionbridge.runtime.OneShotRuntime;
import io.notionbridge.store.JobRuns;
import io.notionbridge.warehouse.WarehouseHealth;
import io.notionbridge.warehouse.WarehouseHealth.Check;
import io.notionbridge.warehouse.WarehouseHealth.Status;
import io.notionbridge.warehouse.WarehouseSettings;
import io.notionbridge.warehouse.WarehouseTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code health}: is everything the warehouse sync needs there? The store, the warehouse target, Notion, and each
 * configured Notion database. Exit code 1 when anything is DOWN or BLOCKED.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Check the store, the warehouse target, Notion and each configured Notion database.",
                "BLOCKED: a value you must set (named in the message); DOWN: something does not answer. "
                        + "Exit code 1 when anything is BLOCKED or DOWN."})
public class WarehouseHealthCommand implements Callable<Integer> {

    @ParentCommand
    BridgeCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print the checks as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BridgeConfig config = cli.config();
        WarehouseSettings settings = WarehouseSettings.from(config);
        List<Check> checks = new ArrayList<>();
        boolean storeUp = store(config, checks);
        checks.add(target(config, settings, storeUp));
        List<Check> blocked = WarehouseHealth.blocked(settings, config.get("bridge.notion.token").isPresent());
        Set<String> blockedNames = blocked.stream().map(Check::name).collect(Collectors.toSet());
        if (storeUp) {
            notion(config, settings, blockedNames, checks);
        } else {
            checks.add(new Check("notion", Status.SKIPPED, "not checked: the runtime needs the store"));
        }
        for (WarehouseSettings.WarehouseDatabase db : settings.databases()) {
            blocked.stream().filter(c -> c.name().equals(db.name())).findFirst().ifPresent(checks::add);
            if (!storeUp && !blockedNames.contains(db.name())) {
                checks.add(new Check(db.name(), Status.SKIPPED, "not checked: the runtime needs the store"));
            }
        }
        checks.sort(java.util.Comparator.comparingInt(c -> order(c, settings)));
        boolean ok = checks.stream().noneMatch(Check::problem);
        print(checks, ok);
        return ok ? 0 : 1;
    }

    /** store, target, notion, then the databases in configuration order. */
    private static int order(Check c, WarehouseSettings settings) {
        return switch (c.name()) {
            case "database" -> 0;
            case "target" -> 1;
            case "notion" -> 2;
            default -> 3 + settings.names().indexOf(c.name());
        };
    }

    private static boolean store(BridgeConfig config, List<Check> checks) {
        try (StoreAccess store = StoreAccess.open(config)) {
            checks.add(new Check("database", Status.UP, store.settings().safeUrl() + " (schema version "
                    + store.migrations().currentVersion() + ")"));
            return true;
        } catch (BridgeException e) {
            checks.add(new Check("database", Status.DOWN, e.getMessage()));
            return false;
        }
    }

    private static Check target(BridgeConfig config, WarehouseSettings settings, boolean storeUp) {
        if (settings.target().isStore() && !storeUp) {
            return new Check("target", Status.DOWN, settings.target().table() + " lives in the store, which is down");
        }
        StoreAccess store = settings.target().isStore() ? StoreAccess.open(config) : null;
        try (WarehouseTarget target = new WarehouseTarget(settings.target(), () -> store.dataSource())) {
            boolean exists = target.bronze().exists();
            return new Check("target", Status.UP, target.describe()
                    + (exists ? "" : "; the table is created by the first sync or `init-tables`"));
        } catch (BridgeException | java.sql.SQLException e) {
            return new Check("target", Status.DOWN, e.getMessage());
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    private void notion(BridgeConfig config, WarehouseSettings settings, Set<String> blocked, List<Check> checks) {
        try (OneShotRuntime rt = OneShotRuntime.start(config, List.of(), cli.overrides())) {
            NotionClient client = rt.context().getRegistry().lookupByNameAndType("notionClient", NotionClient.class);
            NotionEndpoint endpoint = rt.context().getRegistry().lookupByNameAndType(NotionEndpoints.BEAN, NotionEndpoint.class);
            PageFetcher fetcher = client::call;
            String where = endpoint == null ? "?" : endpoint.sandbox() ? "the Notion sandbox at " + endpoint.baseUrl()
                    : endpoint.baseUrl();
            Check notion = WarehouseHealth.notion(fetcher, where);
            checks.add(notion);
            for (WarehouseSettings.WarehouseDatabase db : settings.databases()) {
                if (blocked.contains(db.name())) {
                    continue;
                }
                checks.add(notion.status() == Status.UP ? WarehouseHealth.database(db.name(), db.id(), fetcher)
                        : new Check(db.name(), Status.SKIPPED, "not checked: Notion is down"));
            }
        } catch (BridgeException e) {
            checks.add(new Check("notion", Status.DOWN, e.getMessage()));
        }
    }

    private void print(List<Check> checks, boolean ok) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", ok);
            doc.put("checks", checks);
            out.println(JobRuns.JSON.writeValueAsString(doc));
        } else {
            for (Check c : checks) {
                out.printf("%-14s %s%n", c.name(), c.line());
            }
            long problems = checks.stream().filter(Check::problem).count();
            out.println(ok ? "health: OK" : "health: " + problems + " problem(s)");
        }
        out.flush();
    }
}
