package io.notionbridge.store;

import java.sql.Connection;
import java.sql.SQLException;

import io.notionbridge.testing.BridgeRouteTestSupport;
import io.notionbridge.testing.PrivatePostgres;
import io.notionbridge.testing.TestDatabase;
import org.h2.tools.Server;

/**
 * The store-outage drill as a stopped database server: for 30 s the server is down, as after {@code pg_ctl stop} or
 * during a database restart, then it starts again on the same port and data.
 * <ul>
 *   <li>on PostgreSQL ({@code test.db.url}): a PostgreSQL server of the drill's own ({@link PrivatePostgres}), stopped
 *       with {@code pg_ctl stop -m fast}: open sessions are terminated (57P01) and new connections refused;</li>
 *   <li>on H2: the H2 TCP server that serves the test's database to the runtime is stopped (its sessions closed) and a
 *       new one started on the same port.</li>
 * </ul>
 */
class StoreStopDrillTest extends StoreOutageDrill {

    private PrivatePostgres postgres;
    private Server h2;
    private int h2Port;

    @Override
    protected String openStore() throws Exception {
        if (TestDatabase.onPostgres()) {
            postgres = PrivatePostgres.start();
            return postgres.url();
        }
        h2Port = BridgeRouteTestSupport.freePort();
        String url = db.servedAt(h2Port);
        h2 = Server.createTcpServer("-tcpPort", Integer.toString(h2Port)).start();
        return url;
    }

    @Override
    protected void takeStoreAway() throws Exception {
        if (postgres != null) {
            postgres.stop();
        } else {
            h2.stop();
        }
    }

    @Override
    protected void bringStoreBack() throws Exception {
        if (postgres != null) {
            if (!postgres.running()) {
                postgres.startServer();
            }
        } else if (!h2.isRunning(false)) {
            h2 = Server.createTcpServer("-tcpPort", Integer.toString(h2Port)).start();
        }
    }

    @Override
    protected Connection readStore() throws SQLException {
        return postgres != null ? postgres.connect() : db.dataSource().getConnection();
    }

    @Override
    protected void closeStore() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
        if (h2 != null) {
            h2.stop();
        }
    }

    @Override
    protected String outageName() {
        return postgres != null ? "PostgreSQL server stopped" : "H2 server stopped";
    }
}
