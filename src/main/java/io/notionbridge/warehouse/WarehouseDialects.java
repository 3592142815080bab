package io.notionbridge.warehouse;

import java.util.Locale;

import io.notionbridge.config.BridgeException;

/** Chooses the dialect: from {@code bridge.warehouse.target.dialect}, or from the JDBC URL when it says {@code auto}. */
public final class WarehouseDialects {

    private WarehouseDialects() {
    }

    /**
     * The dialect name for a configured value and target URL: {@code auto} (or empty) follows the URL; an empty URL
     * (the bridge's store) resolves when the store is opened ({@link #forProduct(String)}).
     */
    public static String resolveName(String configured, String url) {
        String c = configured == null ? "" : configured.trim().toLowerCase(Locale.ROOT);
        if (c.isEmpty() || c.equals("auto")) {
            if (url == null || url.isEmpty()) {
                return "auto";
            }
            if (url.startsWith("jdbc:h2:")) {
                return "h2";
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return "postgresql";
            }
            if (url.startsWith("jdbc:databricks:") || url.startsWith("jdbc:spark:")) {
                return "databricks";
            }
            throw new BridgeException("bridge.warehouse.target.dialect cannot be guessed from " + url.replaceAll("[?;].*", "")
                    + "; set it to h2, postgresql or databricks");
        }
        return switch (c) {
            case "h2", "postgresql", "databricks" -> c;
            case "postgres" -> "postgresql";
            default -> throw new BridgeException("bridge.warehouse.target.dialect must be auto, h2, postgresql or databricks, "
                    + "got \"" + configured + "\"");
        };
    }

    public static WarehouseDialect byName(String name) {
        return switch (name) {
            case "h2" -> new H2Dialect();
            case "postgresql" -> new PostgresDialect();
            case "databricks" -> new DatabricksDialect();
            default -> throw new IllegalArgumentException("unknown warehouse dialect " + name);
        };
    }

    /** The dialect for a database product name as JDBC metadata gives it (for {@code auto} on the store). */
    public static WarehouseDialect forProduct(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return new PostgresDialect();
        }
        if (p.contains("h2")) {
            return new H2Dialect();
        }
        if (p.contains("spark") || p.contains("databricks")) {
            return new DatabricksDialect();
        }
        throw new BridgeException("no warehouse dialect for database " + productName
                + "; set bridge.warehouse.target.dialect to h2, postgresql or databricks");
    }
}
