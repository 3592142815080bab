package io.notionbridge.discovery;

import java.time.Clock;
import java.util.function.Function;

import javax.sql.DataSource;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import io.notionbridge.store.StoreConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/** Beans of the discovery flow ({@code routes/discovery-*.camel.yaml}): {@code signalIntake}. */
public class DiscoveryConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        DataSource ds = StoreConfiguration.dataSource(context);
        BridgeConfig config = BridgeConfig.of(context);
        Function<String, String> lookup = key -> config.get(key, null);
        DiscoverySettings settings;
        try {
            settings = DiscoverySettings.from(lookup);
        } catch (IllegalArgumentException e) {
            throw new BridgeException("configuration: " + e.getMessage(), e);
        }
        Clock clock = Clock.systemUTC();
        Registry registry = context.getRegistry();
        SignalStore store = new SignalStore(ds);
        SuppressionEntries cache = new SuppressionEntries(ds, settings.cacheTtl(), clock);
        SignalIntake intake = new SignalIntake(store, cache, new SignalValidator(clock), settings);
        registry.bind("signalIntake", intake);
    }
}
