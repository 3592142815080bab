package io.notionbridge.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import io.notionbridge.testing.ProxiedStore;
import io.notionbridge.testing.TestDatabase;

/**
 * The store-outage drill as a network cut: the runtime reaches its store (PostgreSQL under {@code test.db.url}, else
 * H2 over TCP) through a proxy that refuses new connections and resets open ones for 30 s, as a partition or a failed
 * network path does. The drill keeps reading the store directly.
 */
class StoreOutageDrillTest extends StoreOutageDrill {

    private ProxiedStore store;

    @Override
    protected String openStore() throws Exception {
        store = ProxiedStore.of(db);
        return store.url();
    }

    @Override
    protected void takeStoreAway() throws IOException {
        store.proxy().cut();
    }

    @Override
    protected void bringStoreBack() throws IOException {
        store.proxy().restore();
    }

    @Override
    protected Connection readStore() throws SQLException {
        return db.dataSource().getConnection();
    }

    @Override
    protected void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected String outageName() {
        return "network cut, " + (TestDatabase.onPostgres() ? "PostgreSQL" : "H2 over TCP");
    }
}
