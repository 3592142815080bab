package io.notionbridge.discovery;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import javax.sql.DataSource;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.sandbox.SandboxConfiguration;
import io.notionbridge.store.JobRuns;
import io.notionbridge.store.StoreConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beans of the discovery flow ({@code routes/discovery-*.camel.yaml}): {@code signalIntake}, {@code discoveryPush} and
 * {@code prospectAggregation}. In sandbox mode it also loads the demo feed into an empty store
 * ({@code bridge.discovery.demo-feed}).
 */
public class DiscoveryConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        DataSource ds = StoreConfiguration.dataSource(context);
        BridgeConfig config = BridgeConfig.of(context);
        Function<String, String> lookup = key -> config.get(key, null);
        DiscoverySettings settings;
        GateSettings gate;
        CrmSettings crm;
        try {
            settings = DiscoverySettings.from(lookup);
            gate = GateSettings.fromProperties(lookup);
            crm = CrmSettings.from(lookup);
        } catch (IllegalArgumentException e) {
            throw new BridgeException("configuration: " + e.getMessage(), e);
        }
        Clock clock = Clock.systemUTC();
        Registry registry = context.getRegistry();
        SignalStore store = new SignalStore(ds);
        SuppressionEntries cache = new SuppressionEntries(ds, settings.cacheTtl(), clock);
        SignalRequests requests;
        try {
            requests = new SignalRequests(ds, Duration.ofHours(config.getInt("bridge.signals.idempotency-ttl-hours", 24)),
                    clock);
        } catch (IllegalArgumentException e) {
            throw new BridgeException("configuration: " + e.getMessage(), e);
        }
        registry.bind("signalRequests", requests);
        SignalIntake intake = new SignalIntake(store, cache, new SignalValidator(clock), settings, requests);
        CrmWriter writer = new CrmWriter(() -> notionClient(registry), crm, new PushIntents(ds), cache);
        registry.bind("signalIntake", intake);
        registry.bind("prospectAggregation", new ProspectAggregationStrategy());
        // one thread scores the completed groups; its queue is unbounded so a backlog never runs on the caller
        registry.bind("discoveryAggregatorExecutor", context.getExecutorServiceManager().newThreadPool(this,
                "DiscoveryAggregator", new ThreadPoolProfileBuilder("discoveryAggregator").poolSize(1).maxPoolSize(1)
                        .maxQueueSize(Integer.MAX_VALUE).build()));
        registry.bind("discoveryPush", new DiscoveryPush(store, cache, writer, new VerificationGate(gate), new JobRuns(ds),
                settings, clock));
        if (settings.demoFeed() && SandboxConfiguration.endpoint(context).sandbox()) {
            loadDemoFeed(store, intake, clock);
        }
    }

    private static NotionClient notionClient(Registry registry) {
        NotionClient client = registry.lookupByNameAndType("notionClient", NotionClient.class);
        if (client == null) {
            throw new IllegalStateException("the Notion gateway (bean notionClient) is not configured");
        }
        return client;
    }

    private static void loadDemoFeed(SignalStore store, SignalIntake intake, Clock clock) {
        try {
            IntakeAnswer a = DemoFeed.loadIfEmpty(store, intake, clock);
            if (a != null) {
                LOG.info("Demo feed: stored {} signals (sandbox mode, empty store); the discovery push job puts the "
                        + "companies into the sandbox's demo CRM on its next run (see docs/discovery.md)", a.body().get("accepted"));
            }
        } catch (RuntimeException e) {
            LOG.warn("Demo feed not loaded: {}", e.getMessage());
        }
    }
}
