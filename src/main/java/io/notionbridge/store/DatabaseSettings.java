package io.notionbridge.store;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;

/**
 * Where the store lives. H2 (file, PostgreSQL mode) by default; PostgreSQL when {@code bridge.db.url} says so.
 *
 * @param url      JDBC URL
 * @param user     user name (may be empty)
 * @param password password (may be empty); never printed
 * @param poolSize maximum connections in the pool
 * @param connectionTimeoutMs longest wait for a connection before the caller fails (an HTTP caller then gets 503)
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, int connectionTimeoutMs) {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/notion-bridge;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    /** Default of {@code bridge.db.connection-timeout-ms}: short enough for a webhook answer. */
    public static final int DEFAULT_CONNECTION_TIMEOUT_MS = 3_000;
    /** HikariCP refuses shorter connection timeouts. */
    public static final int MIN_CONNECTION_TIMEOUT_MS = 250;

    public DatabaseSettings {
        if (connectionTimeoutMs < MIN_CONNECTION_TIMEOUT_MS) {
            throw new BridgeException("configuration key 'bridge.db.connection-timeout-ms' must be at least "
                    + MIN_CONNECTION_TIMEOUT_MS + ", got " + connectionTimeoutMs);
        }
    }

    /** Settings with the default connection timeout. */
    public DatabaseSettings(String url, String user, String password, int poolSize) {
        this(url, user, password, poolSize, DEFAULT_CONNECTION_TIMEOUT_MS);
    }

    public static DatabaseSettings from(BridgeConfig config) {
        return new DatabaseSettings(
                config.get("bridge.db.url", DEFAULT_URL),
                config.get("bridge.db.user", ""),
                config.get("bridge.db.password", ""),
                config.getInt("bridge.db.pool-size", 10),
                config.getInt("bridge.db.connection-timeout-ms", DEFAULT_CONNECTION_TIMEOUT_MS));
    }

    /**
     * The URL the pool connects with: {@link #url()}, and for an H2 store on disk {@code ;WRITE_DELAY=0} unless the URL
     * sets a write delay itself. H2 otherwise writes commits to its file up to a second later, so a killed process
     * (SIGKILL, an OOM kill, a container stopped hard) lost transactions it had committed and answered: a webhook
     * event answered 200, a push intent recorded before a CRM create.
     */
    public String connectUrl() {
        if (!isH2() || url.contains("mem:") || url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
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
        return "DatabaseSettings[url=" + safeUrl() + ", user=" + user + ", poolSize=" + poolSize
                + ", connectionTimeoutMs=" + connectionTimeoutMs + "]";
    }
}
