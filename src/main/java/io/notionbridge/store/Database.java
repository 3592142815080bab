package io.notionbridge.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.notionbridge.config.BridgeException;

/**
 * Opens the connection pool for the store, failing with one clear line when the database cannot be reached. A caller
 * waits at most {@code bridge.db.connection-timeout-ms} for a connection (then gets a
 * {@link java.sql.SQLTransientConnectionException}), and a connection that failed with a connection error
 * ({@link StoreUnavailable}) is closed rather than handed out again, so the pool heals by itself after an outage.
 */
public final class Database {

    private Database() {
    }

    public static HikariDataSource open(DatabaseSettings settings) {
        if (!settings.isH2() && !settings.isPostgres()) {
            throw new BridgeException("bridge.db.url must be an H2 (jdbc:h2:) or PostgreSQL (jdbc:postgresql:) URL, got "
                    + settings.safeUrl());
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(settings.connectUrl());
        if (!settings.user().isEmpty()) {
            hc.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            hc.setPassword(settings.password());
        }
        hc.setMaximumPoolSize(settings.poolSize());
        hc.setPoolName("bridge-store");
        hc.setConnectionTimeout(settings.connectionTimeoutMs());
        // a connection is checked before it is handed out when idle for a while; never longer than a caller waits
        hc.setValidationTimeout(Math.max(250, Math.min(5_000, settings.connectionTimeoutMs() / 2)));
        hc.setExceptionOverride(new ConnectionLossEviction());
        hc.setInitializationFailTimeout(1);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            SQLException sql = e.getCause() instanceof SQLException s ? s : new SQLException(rootMessage(e), e);
            throw unreachable(settings, sql);
        }
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            ds.close();
            throw unreachable(settings, e);
        }
        return ds;
    }

    static BridgeException unreachable(DatabaseSettings settings, SQLException e) {
        String cause = rootMessage(e);
        return new BridgeException("cannot connect to the database at " + settings.safeUrl() + " (" + cause
                + "); check that it is running and that BRIDGE_DB_URL, BRIDGE_DB_USER and BRIDGE_DB_PASSWORD are right", e);
    }

    /** The innermost cause's message, first line only (no stack, no SQL). */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl).trim() : m.trim();
    }

    /** True when the URL names PostgreSQL; used where SQL differs between the two supported databases. */
    public static boolean isPostgres(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new BridgeException("cannot read database metadata: " + rootMessage(e), e);
        }
    }
}
