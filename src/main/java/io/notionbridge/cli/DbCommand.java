package io.notionbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.notionbridge.config.BridgeException;
import io.notionbridge.store.DatabaseBackup;
import io.notionbridge.store.Migrations;
import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code db}: the store's schema migrations and JSON backups. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Store schema (migrations) and JSON backups.",
        subcommands = {DbCommand.Status.class, DbCommand.Info.class, DbCommand.Validate.class, DbCommand.Migrate.class,
                DbCommand.Rollback.class, DbCommand.Export.class, DbCommand.Import.class})
public class DbCommand implements Runnable {

    @ParentCommand
    BridgeCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: one of status, info, validate, migrate, rollback, export, import");
    }

    StoreAccess open() {
        return StoreAccess.open(cli.config());
    }

    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Spec
        CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Schema version of the store and pending migrations.")
    static class Status extends Sub {
        @Override
        public Integer call() {
            try (StoreAccess store = db.open()) {
                Migrations m = store.migrations();
                List<MigrationInfo> pending = m.pending();
                out().printf("database: %s%n", store.settings().safeUrl());
                out().printf("schema version: %s (latest in this build: %s)%n", m.currentVersion(), m.latestVersion());
                out().printf("pending migrations: %d%s%n", pending.size(),
                        pending.isEmpty() ? "" : " (applied on the next `run` or by `db migrate`)");
                return 0;
            }
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Every migration with its state.")
    static class Info extends Sub {
        @Override
        public Integer call() {
            try (StoreAccess store = db.open()) {
                out().printf("%-8s %-32s %-10s %s%n", "VERSION", "DESCRIPTION", "STATE", "INSTALLED ON");
                for (MigrationInfo i : store.migrations().all()) {
                    out().printf("%-8s %-32s %-10s %s%n", i.getVersion(), i.getDescription(), i.getState().getDisplayName(),
                            i.getInstalledOn() == null ? "" : i.getInstalledOn().toInstant());
                }
                return 0;
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check that applied migrations match this build (checksums, missing or unknown versions).")
    static class Validate extends Sub {
        @Override
        public Integer call() {
            try (StoreAccess store = db.open()) {
                List<String> problems = store.migrations().validate();
                if (problems.isEmpty()) {
                    out().println("store schema is valid");
                    return 0;
                }
                problems.forEach(p -> spec.commandLine().getErr().println("invalid: " + p));
                throw new BridgeException(problems.size() + " migration problem(s); see `db info`");
            }
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending migrations now.")
    static class Migrate extends Sub {
        @Override
        public Integer call() {
            try (StoreAccess store = db.open()) {
                int n = store.migrations().migrate();
                out().printf("%d migration(s) applied; schema version %s%n", n, store.migrations().currentVersion());
                return 0;
            }
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Undo the newest migration, or every migration newer than --to.")
    static class Rollback extends Sub {
        @Option(names = "--to", paramLabel = "VERSION", description = "version to return to (0 undoes every migration)")
        String to;

        @Override
        public Integer call() {
            try (StoreAccess store = db.open()) {
                List<String> undone = store.migrations().rollback(to);
                out().printf("rolled back %s; schema version %s%n",
                        undone.isEmpty() ? "nothing" : "version(s) " + String.join(", ", undone),
                        store.migrations().currentVersion());
                return 0;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a JSON backup of every table to FILE.")
    static class Export extends Sub {
        @Parameters(paramLabel = "FILE", description = "backup file to write")
        Path file;

        @Override
        public Integer call() {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new BridgeException("cannot write " + file + ": folder " + dir + " does not exist");
            }
            try (StoreAccess store = db.open()) {
                DatabaseBackup.Summary s = new DatabaseBackup(store.dataSource()).export(file);
                out().printf("exported %d row(s) from %d table(s) (schema version %s) to %s%n", s.totalRows(),
                        s.rowsPerTable().size(), s.schemaVersion(), file);
                return 0;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Restore a JSON backup from FILE (the store must be empty unless --force).")
    static class Import extends Sub {
        @Parameters(paramLabel = "FILE", description = "backup file written by `db export`")
        Path file;

        @Option(names = "--force", description = "replace all data in a store that is not empty")
        boolean force;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new BridgeException("backup file " + file + " does not exist");
            }
            try (StoreAccess store = db.open()) {
                store.migrations().migrate();
                DatabaseBackup.Summary s = new DatabaseBackup(store.dataSource()).restore(file, force);
                out().printf("imported %d row(s) into %d table(s) from %s%n", s.totalRows(), s.rowsPerTable().size(), file);
                return 0;
            }
        }
    }
}
