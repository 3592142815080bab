package io.notionbridge.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.notionbridge.store.Database;
import io.notionbridge.store.DatabaseSettings;

/**
 * A store of its own for one test: an in-memory H2 database in PostgreSQL mode, or, when the system property
 * {@code test.db.url} names a PostgreSQL database (as `.ci/run` does), a fresh schema in it, dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

    private final String url;
    private final String schema;
    private final String adminUrl;
    private HikariDataSource dataSource;

    private TestDatabase(String url, String schema, String adminUrl) {
        this.url = url;
        this.schema = schema;
        this.adminUrl = adminUrl;
    }

    public static boolean onPostgres() {
        String u = System.getProperty("test.db.url", "");
        return u.startsWith("jdbc:postgresql:");
    }

    public static TestDatabase create() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (onPostgres()) {
            String base = System.getProperty("test.db.url");
            try (Connection c = java.sql.DriverManager.getConnection(base); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test schema in " + base + ": " + e.getMessage(), e);
            }
            String sep = base.contains("?") ? "&" : "?";
            return new TestDatabase(base + sep + "currentSchema=" + name, name, base);
        }
        return new TestDatabase("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", name, null);
    }

    public String url() {
        return url;
    }

    /** The user to connect as: H2's {@code sa} (the runtime's default), or the one named in the PostgreSQL URL. */
    public String user() {
        return adminUrl == null ? "sa" : "";
    }

    public DatabaseSettings settings() {
        return new DatabaseSettings(url, user(), "", 5);
    }

    public synchronized HikariDataSource dataSource() {
        if (dataSource == null) {
            dataSource = Database.open(settings());
        }
        return dataSource;
    }

    /** Camel Main test properties that point the runtime at this database. */
    public String[] properties() {
        return new String[] {"bridge.db.url=" + url, "bridge.db.user=" + user()};
    }

    @Override
    public void close() {
        if (dataSource != null) {
            dataSource.close();
        }
        try {
            if (adminUrl != null) {
                try (Connection c = java.sql.DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            } else {
                try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                     Statement st = c.createStatement()) {
                    st.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + schema + ": " + e.getMessage(), e);
        }
    }
}
