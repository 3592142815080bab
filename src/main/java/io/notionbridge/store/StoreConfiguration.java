package io.notionbridge.store;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.notionbridge.config.BridgeConfig;
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
        DatabaseSettings settings = DatabaseSettings.from(BridgeConfig.of(context));
        HikariDataSource ds = Database.open(settings);
        Migrations migrations = new Migrations(ds);
        migrations.migrate();
        LOG.info("Store: {} (schema version {})", settings.safeUrl(), migrations.currentVersion());
        context.getRegistry().bind(BEAN, ds);
        context.getRegistry().bind("storeHealthCheck", new StoreHealthCheck(ds));
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    ds.close();
                }
            }, true, true);
        } catch (Exception e) {
            ds.close();
            throw new IllegalStateException(e);
        }
        return ds;
    }
}
