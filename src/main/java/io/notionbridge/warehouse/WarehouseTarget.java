package io.notionbridge.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.notionbridge.config.BridgeException;

/**
 * The database the bronze table is written to: the bridge's own store (the default), or the database named by
 * {@code bridge.warehouse.target.url}, opened on first use so that an unreachable warehouse fails the warehouse sync
 * and nothing else.
 */
public final class WarehouseTarget implements AutoCloseable {

    private final WarehouseSettings.Target settings;
    private final Supplier<DataSource> store;
    private HikariDataSource own;
    private BronzePages bronze;

    public WarehouseTarget(WarehouseSettings.Target settings, Supplier<DataSource> store) {
        this.settings = settings;
        this.store = store;
    }

    public WarehouseSettings.Target settings() {
        return settings;
    }

    /** True when the bronze table lives in the bridge's store (then upserts and checkpoints share a transaction). */
    public boolean isStore() {
        return settings.isStore();
    }

    /** The bronze table, opening the target on first use. */
    public synchronized BronzePages bronze() {
        if (bronze == null) {
            DataSource ds;
            if (settings.isStore()) {
                ds = store.get();
            } else {
                own = open(settings);
                ds = own;
            }
            WarehouseDialect dialect = settings.dialect().equals("auto") ? detect(ds) : WarehouseDialects.byName(settings.dialect());
            bronze = new BronzePages(ds, dialect, settings.schema());
        }
        return bronze;
    }

    /** Upserts and checkpoints share one transaction: the table is in the store and the dialect has transactions. */
    public boolean sharedTransaction() {
        return isStore() && bronze().dialect().transactional();
    }

    /** {@code bronze.bronze_notion_raw_pages in (the bridge's store) (h2)}. */
    public String describe() {
        BronzePages b = bronze();
        return b.table() + " in " + settings.safeUrl() + " (" + b.dialect().name() + ")";
    }

    static WarehouseDialect detect(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return WarehouseDialects.forProduct(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new BridgeException("cannot read the warehouse target's database type: " + e.getMessage(), e);
        }
    }

    /** Opens a pool to a separate target; a missing JDBC driver or an unreachable database is one clear line. */
    static HikariDataSource open(WarehouseSettings.Target t) {
        try {
            DriverManager.getDriver(t.url());
        } catch (SQLException noDriver) {
            throw new BridgeException("no JDBC driver for the warehouse target " + t.safeUrl() + " on the class path"
                    + (t.dialect().equals("databricks") ? "; add the Databricks JDBC driver jar (see docs/warehouse.md)" : ""));
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(t.url());
        if (!t.user().isEmpty()) {
            hc.setUsername(t.user());
        }
        if (!t.password().isEmpty()) {
            hc.setPassword(t.password());
        }
        hc.setMaximumPoolSize(Math.max(1, t.poolSize()));
        hc.setPoolName("warehouse-target");
        hc.setConnectionTimeout(15_000);
        hc.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new BridgeException("cannot connect to the warehouse target " + t.safeUrl() + " (" + root.getMessage()
                    + "); check WAREHOUSE_TARGET_URL, WAREHOUSE_TARGET_USER and WAREHOUSE_TARGET_PASSWORD", e);
        }
    }

    @Override
    public synchronized void close() {
        if (own != null) {
            own.close();
            own = null;
            bronze = null;
        }
    }
}
