package io.notionbridge.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.notionbridge.store.Database;
import io.notionbridge.store.DatabaseSettings;

/**
 * A store of its own for one test: an in-memory H2 database in PostgreSQL mode (or an H2 file, {@link #onDisk}), or,
 * when the system property {@code test.db.url} names a PostgreSQL database (as `.ci/run` does), a fresh schema in it,
 * dropped on close.
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

    /**
     * A store that outlives the processes using it, for tests that kill the runtime: an H2 file in {@code dir}, or a
     * fresh PostgreSQL schema as {@link #create()} gives. Open it from one process at a time when it is H2.
     */
    public static TestDatabase onDisk(java.nio.file.Path dir) {
        if (onPostgres()) {
            return create();
        }
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new TestDatabase("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", name, null);
    }

    public String url() {
        return url;
    }

    /**
     * A URL other processes (a packaged jar) can reach this store at: the PostgreSQL URL itself, or for H2 the same
     * in-memory database served over TCP by a server in this JVM (started once, on a free loopback port).
     */
    public String networkUrl() {
        if (adminUrl != null) {
            return url;
        }
        return servedAt(H2Server.port());
    }

    /**
     * The URL of this H2 in-memory database when an H2 TCP server of this JVM on {@code port} serves it. The database
     * is opened here first, so that it exists (and stays: {@code DB_CLOSE_DELAY=-1}) whatever that server does.
     */
    public String servedAt(int port) {
        if (adminUrl != null) {
            throw new IllegalStateException("a PostgreSQL test database is not served by an H2 server");
        }
        dataSource();
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + url.substring("jdbc:h2:".length());
    }

    /** The H2 TCP server shared by the tests of this JVM. */
    private static final class H2Server {
        private static org.h2.tools.Server server;

        static synchronized int port() {
            if (server == null) {
                try {
                    server = org.h2.tools.Server.createTcpServer("-tcpPort", Integer.toString(BridgeRouteTestSupport.freePort()),
                            "-tcpDaemon").start();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start the H2 TCP server: " + e.getMessage(), e);
                }
            }
            return server.getPort();
        }
    }

    /** The H2 database name or the PostgreSQL schema of this store. */
    public String name() {
        return schema;
    }

    /** A new connection (the caller closes it), without a pool: nothing stays open between two uses. */
    public Connection connect() throws SQLException {
        return adminUrl == null ? java.sql.DriverManager.getConnection(url, "sa", "") : java.sql.DriverManager.getConnection(url);
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
