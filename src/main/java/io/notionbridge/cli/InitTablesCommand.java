package io.notionbridge.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.store.JobRuns;
import io.notionbridge.warehouse.BronzePages;
import io.notionbridge.warehouse.WarehouseSettings;
import io.notionbridge.warehouse.WarehouseTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code init-tables}: create the bronze schema and table in the warehouse target (a sync does it too). */
@Command(name = "init-tables", mixinStandardHelpOptions = true,
        description = "Create the warehouse's bronze schema and table bronze_notion_raw_pages when they do not exist "
                + "(safe to run again; every sync does it first).")
public class InitTablesCommand implements Callable<Integer> {

    @ParentCommand
    BridgeCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BridgeConfig config = cli.config();
        WarehouseSettings settings = WarehouseSettings.from(config);
        StoreAccess store = settings.target().isStore() ? StoreAccess.open(config) : null;
        try (WarehouseTarget target = new WarehouseTarget(settings.target(), () -> store.dataSource())) {
            BronzePages bronze = target.bronze();
            boolean created = bronze.init();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("table", bronze.table());
                m.put("target", settings.target().safeUrl());
                m.put("dialect", bronze.dialect().name());
                m.put("created", created);
                out.println(JobRuns.JSON.writeValueAsString(m));
            } else {
                out.println((created ? "created " : "already there: ") + target.describe());
            }
            out.flush();
            return 0;
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }
}
