package io.notionbridge.warehouse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;

/**
 * The {@code bridge.warehouse.*} keys: which Notion databases are copied (by name and id), where the bronze table
 * lives, and how syncs behave. See {@code docs/warehouse.md}.
 *
 * @param databases           configured databases in configuration order
 * @param target              the warehouse the bronze table is written to
 * @param completeReferences  read relation, people and mention values past 25 references from the property item endpoint
 * @param includeTrash        also query the trash ({@code in_trash: true}) so trashed pages keep their row with {@code in_trash}
 * @param consistencyBuffer   how far behind the sync's start the watermark stays, for Notion's indexing delay and clock skew
 */
public record WarehouseSettings(List<WarehouseDatabase> databases, Target target, boolean completeReferences,
                                boolean includeTrash, Duration consistencyBuffer) {

    public static final String JOB = "warehouse-sync";
    public static final String TABLE = "bronze_notion_raw_pages";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /**
     * One configured database.
     *
     * @param name       the name users give it (used in the CLI, statistics and the {@code database_name} column)
     * @param configured the value as configured (may be empty or a placeholder)
     * @param check      whether that value is a usable Notion database id
     */
    public record WarehouseDatabase(String name, String configured, DatabaseIds.Check check) {
        /** The dashed database id; throws the BLOCKED message when the configured value is unusable. */
        public String id() {
            if (!check.ok()) {
                throw new BridgeException("BLOCKED: " + DatabaseIds.blockedMessage(name) + " (" + check.problem() + ")");
            }
            return check.id();
        }

        public String envVar() {
            return DatabaseIds.envVar(name);
        }
    }

    /**
     * Where the bronze table lives.
     *
     * @param url      JDBC URL; empty means the bridge's own store
     * @param user     user (may be empty)
     * @param password password (may be empty; never printed)
     * @param dialect  {@code h2}, {@code postgresql} or {@code databricks}
     * @param schema   schema of the table ({@code bronze} by default)
     * @param poolSize connections to the target (when it is not the store)
     */
    public record Target(String url, String user, String password, String dialect, String schema, int poolSize) {
        public boolean isStore() {
            return url == null || url.isEmpty();
        }

        /** {@code schema.bronze_notion_raw_pages}. */
        public String table() {
            return schema + "." + TABLE;
        }

        /** The URL with any password parameter masked. */
        public String safeUrl() {
            return isStore() ? "(the bridge's store)" : url.replaceAll("(?i)((?:password|pwd)=)[^&;]*", "$1***");
        }

        @Override
        public String toString() {
            return "Target[url=" + safeUrl() + ", user=" + user + ", dialect=" + dialect + ", schema=" + schema + "]";
        }
    }

    public static WarehouseSettings from(BridgeConfig config) {
        List<WarehouseDatabase> dbs = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (String raw : config.get("bridge.warehouse.databases", "").split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                throw new BridgeException("bridge.warehouse.databases: \"" + raw.trim() + "\" is not a valid database name "
                        + "(letters, digits, - and _)");
            }
            if (seen.put(name, true) != null) {
                throw new BridgeException("bridge.warehouse.databases names \"" + name + "\" twice");
            }
            String value = config.get("bridge.warehouse.database." + name + ".id")
                    .orElseGet(() -> Optional.ofNullable(System.getenv(DatabaseIds.envVar(name))).orElse(""));
            dbs.add(new WarehouseDatabase(name, value, DatabaseIds.check(value)));
        }
        String url = config.get("bridge.warehouse.target.url", "");
        String schema = config.get("bridge.warehouse.target.schema", "bronze");
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new BridgeException("bridge.warehouse.target.schema must be a plain SQL name (letters, digits, _), got \""
                    + schema + "\"");
        }
        String dialect = WarehouseDialects.resolveName(config.get("bridge.warehouse.target.dialect", "auto"), url);
        Target target = new Target(url, config.get("bridge.warehouse.target.user", ""),
                config.get("bridge.warehouse.target.password", ""), dialect, schema.toLowerCase(Locale.ROOT),
                config.getInt("bridge.warehouse.target.pool-size", 4));
        int buffer = config.getInt("bridge.warehouse.consistency-buffer-seconds", 60);
        if (buffer < 0) {
            throw new BridgeException("bridge.warehouse.consistency-buffer-seconds must be 0 or more, got " + buffer);
        }
        return new WarehouseSettings(List.copyOf(dbs), target, config.getBoolean("bridge.warehouse.complete-references", true),
                config.getBoolean("bridge.warehouse.include-trash", true), Duration.ofSeconds(buffer));
    }

    /** The configured database called {@code name}, or a one-line error listing the names there are. */
    public WarehouseDatabase database(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return databases.stream().filter(d -> d.name().equals(n)).findFirst().orElseThrow(() -> new BridgeException(
                "no warehouse database named \"" + name + "\"; configured: " + String.join(", ", names())
                        + " (bridge.warehouse.databases)"));
    }

    public List<String> names() {
        return databases.stream().map(WarehouseDatabase::name).toList();
    }
}
