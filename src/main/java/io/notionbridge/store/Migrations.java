package io.notionbridge.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import io.notionbridge.config.BridgeException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's schema: versioned migrations in {@code db/migration/V<n>__<name>.sql} applied by Flyway, each with
 * its way back in {@code db/rollback/U<n>__<name>.sql}, which {@link #rollback} runs newest first.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    public static final String LOCATION = "classpath:db/migration";
    public static final String ROLLBACK_FOLDER = "db/rollback/";

    private final DataSource dataSource;
    private final Flyway flyway;

    public Migrations(DataSource dataSource) {
        this.dataSource = dataSource;
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .loggers("slf4j")
                .load();
    }

    /** Applies every pending migration; returns how many were applied. */
    public int migrate() {
        int applied = flyway.migrate().migrationsExecuted;
        if (applied > 0) {
            LOG.info("Store schema migrated: {} migration(s) applied, now at version {}", applied, currentVersion());
        }
        return applied;
    }

    /** Applies migrations up to and including {@code version}. */
    public int migrateTo(String version) {
        Flyway to = Flyway.configure().configuration(flyway.getConfiguration()).target(MigrationVersion.fromVersion(version)).load();
        return to.migrate().migrationsExecuted;
    }

    /** The version the store is at, or "none" for an empty store. */
    public String currentVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    public String latestVersion() {
        MigrationInfo[] all = flyway.info().all();
        return all.length == 0 ? "none" : all[all.length - 1].getVersion().getVersion();
    }

    public List<MigrationInfo> all() {
        return Arrays.asList(flyway.info().all());
    }

    public List<MigrationInfo> pending() {
        return Arrays.asList(flyway.info().pending());
    }

    public List<MigrationInfo> applied() {
        return Arrays.stream(flyway.info().applied()).filter(i -> i.getVersion() != null).toList();
    }

    /** Validation problems (checksum mismatches, missing or unknown migrations); empty when all is well. */
    public List<String> validate() {
        ValidateResult r = flyway.validateWithResult();
        List<String> problems = new ArrayList<>();
        if (!r.validationSuccessful) {
            r.invalidMigrations.forEach(m -> problems.add("version " + m.version + " (" + m.filepath + "): "
                    + m.errorDetails.errorMessage));
            if (problems.isEmpty() && r.errorDetails != null) {
                problems.add(r.errorDetails.errorMessage);
            }
        }
        return problems;
    }

    /**
     * Undoes applied migrations newer than {@code toVersion} (or only the newest one when {@code toVersion} is null),
     * newest first. Returns the versions undone.
     */
    public List<String> rollback(String toVersion) {
        List<MigrationInfo> applied = new ArrayList<>(applied());
        applied.sort(Comparator.comparing(MigrationInfo::getVersion).reversed());
        if (applied.isEmpty()) {
            throw new BridgeException("nothing to roll back: no migration has been applied to this store");
        }
        MigrationVersion target;
        if (toVersion == null) {
            target = applied.size() > 1 ? applied.get(1).getVersion() : MigrationVersion.EMPTY;
        } else {
            if (!toVersion.matches("\\d+(\\.\\d+)*")) {
                throw new BridgeException("--to must be a migration version such as 1 or 3, got '" + toVersion + "'");
            }
            target = toVersion.equals("0") ? MigrationVersion.EMPTY : MigrationVersion.fromVersion(toVersion);
            boolean known = target == MigrationVersion.EMPTY
                    || all().stream().anyMatch(i -> i.getVersion().equals(target));
            if (!known) {
                throw new BridgeException("--to " + toVersion + " is not a known migration version; see `db info`");
            }
        }
        List<String> undone = new ArrayList<>();
        for (MigrationInfo m : applied) {
            if (m.getVersion().compareTo(target) <= 0) {
                break;
            }
            undo(m);
            undone.add(m.getVersion().getVersion());
        }
        return undone;
    }

    private void undo(MigrationInfo m) {
        String script = rollbackScriptFor(m.getScript());
        String sql = readResource(script);
        String historyTable = flyway.getConfiguration().getTable();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String stmt : statements(sql)) {
                    st.execute(stmt);
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + historyTable + " WHERE version = ?")) {
                    ps.setString(1, m.getVersion().getVersion());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                Transactions.rollback(c, e);
                throw new BridgeException("rollback of version " + m.getVersion() + " failed: " + Database.rootMessage(e), e);
            }
        } catch (SQLException e) {
            throw new BridgeException("rollback of version " + m.getVersion() + " failed: " + Database.rootMessage(e), e);
        }
        LOG.info("Rolled back migration {} ({})", m.getVersion(), m.getDescription());
    }

    /** {@code V3__tasks.sql} has its way back in {@code db/rollback/U3__tasks.sql}. */
    public static String rollbackScriptFor(String upScript) {
        String name = upScript.substring(upScript.lastIndexOf('/') + 1);
        if (!name.startsWith("V")) {
            throw new BridgeException("unexpected migration script name " + upScript);
        }
        return ROLLBACK_FOLDER + "U" + name.substring(1);
    }

    static String readResource(String path) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new BridgeException("no rollback script " + path + " in this build; the migration cannot be undone");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BridgeException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Splits a plain SQL script (no procedural blocks) into statements, dropping {@code --} comment lines. */
    static List<String> statements(String sql) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                cleaned.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : cleaned.toString().split(";\\s*(\n|$)")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
