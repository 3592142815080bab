package io.notionbridge.store;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store when the runtime starts: the connection pool (bean {@code dataSource}), pending migrations applied,
 * and the store's health check. The pool closes when Camel stops, after the routes have finished their work.
 * Other configurations get the pool through {@link #dataSource(CamelContext)}, whatever order they run in.
 */
public class StoreConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StoreConfiguration.class);
    public static final String BEAN = "dataSource";

    @Override
    public void configure(CamelContext context) {
        dataSource(context);
    }

    /** The store's pool for this context, opened and migrated on first use. */
    public static synchronized DataSource dataSource(CamelContext context) {
        DataSource existing = context.getRegistry().lookupByNameAndType(BEAN, DataSource.class);
        if (existing != null) {
            return existing;
        }
        BridgeConfig config = BridgeConfig.of(context);
        DatabaseSettings settings = DatabaseSettings.from(config);
        HikariDataSource ds = Database.open(settings);
        Migrations migrations = new Migrations(ds);
        migrations.migrate();
        LOG.info("Store: {} (schema version {})", settings.safeUrl(), migrations.currentVersion());
        context.getRegistry().bind(BEAN, ds);
        int healthTimeout = config.getInt("bridge.db.health-timeout-ms", StoreHealthCheck.DEFAULT_TIMEOUT_MS);
        if (healthTimeout < 100) {
            ds.close();
            throw new BridgeException("configuration key 'bridge.db.health-timeout-ms' must be at least 100, got "
                    + healthTimeout);
        }
        StoreHealthCheck health = new StoreHealthCheck(ds, Duration.ofMillis(healthTimeout));
        context.getRegistry().bind("storeHealthCheck", health);
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    health.close();
                    ds.close();
                }
            }, true, true);
        } catch (Exception e) {
            health.close();
            ds.close();
            throw new IllegalStateException(e);
        }
        return ds;
    }
}
