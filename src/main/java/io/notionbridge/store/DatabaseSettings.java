package io.notionbridge.store;

import io.notionbridge.config.BridgeConfig;

/**
 * Where the store lives. H2 (file, PostgreSQL mode) by default; PostgreSQL when {@code bridge.db.url} says so.
 *
 * @param url      JDBC URL
 * @param user     user name (may be empty)
 * @param password password (may be empty); never printed
 * @param poolSize maximum connections in the pool
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/notion-bridge;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public static DatabaseSettings from(BridgeConfig config) {
        return new DatabaseSettings(
                config.get("bridge.db.url", DEFAULT_URL),
                config.get("bridge.db.user", ""),
                config.get("bridge.db.password", ""),
                config.getInt("bridge.db.pool-size", 10));
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /** The URL with any password parameter masked, safe for logs and error messages. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + safeUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
