package io.notionbridge.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import io.notionbridge.store.JobRuns;
import io.notionbridge.warehouse.DatabaseIds;
import io.notionbridge.warehouse.SyncStats;
import io.notionbridge.warehouse.WarehouseSettings;
import io.notionbridge.warehouse.WarehouseWatermarks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code list-databases}: the configured warehouse databases with their ids, watermarks and last runs. */
@Command(name = "list-databases", mixinStandardHelpOptions = true,
        description = "List the Notion databases the warehouse sync copies: name, Notion database id (and the variable "
                + "that sets it), watermark and last run, from the configuration and the store. Makes no Notion call.")
public class ListDatabasesCommand implements Callable<Integer> {

    @ParentCommand
    BridgeCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print the list as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BridgeConfig config = cli.config();
        WarehouseSettings settings = WarehouseSettings.from(config);
        Map<String, WarehouseWatermarks.Row> rows = new LinkedHashMap<>();
        String storeProblem = null;
        try (StoreAccess store = StoreAccess.open(config)) {
            WarehouseWatermarks wm = new WarehouseWatermarks(store.dataSource());
            for (WarehouseSettings.WarehouseDatabase db : settings.databases()) {
                wm.read(db.name()).ifPresent(r -> rows.put(db.name(), r));
            }
        } catch (BridgeException | java.sql.SQLException e) {
            storeProblem = e.getMessage().lines().findFirst().orElse("");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (WarehouseSettings.WarehouseDatabase db : settings.databases()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", db.name());
            m.put("database_id", db.check().id());
            m.put("variable", db.envVar());
            m.put("status", db.check().ok() ? "ok" : "BLOCKED: " + DatabaseIds.blockedMessage(db.name()));
            WarehouseWatermarks.Row row = rows.get(db.name());
            m.put("watermark", row == null || row.watermark() == null ? null : row.watermark().toString());
            m.put("unfinished_run", row != null && row.resume() != null);
            m.put("last_run", row == null || row.lastRunStats() == null ? null : JobRuns.JSON.readTree(row.lastRunStats()));
            list.add(m);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("table", settings.target().table());
            doc.put("target", settings.target().safeUrl());
            doc.put("databases", list);
            if (storeProblem != null) {
                doc.put("store_problem", storeProblem);
            }
            out.println(JobRuns.JSON.writeValueAsString(doc));
        } else {
            out.printf("target: %s in %s%n", settings.target().table(), settings.target().safeUrl());
            out.printf("%-14s %-36s %-28s %-22s %s%n", "NAME", "NOTION DATABASE ID", "SET WITH", "WATERMARK", "LAST RUN");
            for (WarehouseSettings.WarehouseDatabase db : settings.databases()) {
                WarehouseWatermarks.Row row = rows.get(db.name());
                String id = db.check().ok() ? db.check().id() : "BLOCKED: " + DatabaseIds.blockedMessage(db.name());
                String watermark = row == null || row.watermark() == null ? "-" : row.watermark().toString();
                out.printf("%-14s %-36s %-28s %-22s %s%n", db.name(), id, db.envVar(), watermark, lastRun(row));
            }
            if (storeProblem != null) {
                out.println("(watermarks unavailable: " + storeProblem + ")");
            }
        }
        out.flush();
        return 0;
    }

    private static String lastRun(WarehouseWatermarks.Row row) {
        if (row == null || row.lastRunStats() == null) {
            return "never";
        }
        SyncStats s;
        try {
            s = SyncStats.fromJson(row.lastRunStats());
        } catch (IllegalArgumentException unreadable) {
            return "unreadable statistics";
        }
        String when = Optional.ofNullable(s.startedAt()).map(Object::toString).orElse("?");
        return s.mode() + " " + s.outcome() + " at " + when + ": " + s.pagesFetched() + " fetched, " + s.inserted()
                + " inserted, " + s.updated() + " updated, " + s.markedDeleted() + " marked deleted"
                + (row.resume() != null ? " (unfinished: the next sync resumes it)" : "");
    }
}
