package io.notionbridge.testing;

import java.io.IOException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.tools.Server;

/**
 * A test's store reached through a {@link TcpProxy}, for store-outage drills: the runtime connects to {@link #url()},
 * the proxy's port, and the test cuts and restores the proxy. The test itself keeps reading the same store directly
 * ({@link TestDatabase#dataSource()}), outage or not.
 * <ul>
 *   <li>on PostgreSQL ({@code test.db.url}): the proxy forwards to the PostgreSQL server of the test's schema;</li>
 *   <li>on H2: an H2 TCP server in this JVM serves the test's in-memory database, and the proxy forwards to it.</li>
 * </ul>
 */
public final class ProxiedStore implements AutoCloseable {

    private static final Pattern POSTGRES = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/(.*)$");

    private final TcpProxy proxy;
    private final Server h2;
    private final String url;

    private ProxiedStore(TcpProxy proxy, Server h2, String url) {
        this.proxy = proxy;
        this.h2 = h2;
        this.url = url;
    }

    /** Puts a proxy in front of {@code db} (created with {@link TestDatabase#create()}). */
    public static ProxiedStore of(TestDatabase db) throws IOException, SQLException {
        if (TestDatabase.onPostgres()) {
            Matcher m = POSTGRES.matcher(db.url());
            if (!m.matches()) {
                throw new IllegalArgumentException("cannot read host and port of " + db.url());
            }
            TcpProxy proxy = TcpProxy.start(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
            return new ProxiedStore(proxy, null, "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + m.group(3));
        }
        Server server = Server.createTcpServer("-tcpPort", Integer.toString(BridgeRouteTestSupport.freePort())).start();
        TcpProxy proxy = TcpProxy.start("127.0.0.1", server.getPort());
        return new ProxiedStore(proxy, server, db.servedAt(proxy.port()));
    }

    /** The JDBC URL through the proxy (same user as the test database). */
    public String url() {
        return url;
    }

    public TcpProxy proxy() {
        return proxy;
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        if (h2 != null) {
            h2.stop();
        }
    }
}
