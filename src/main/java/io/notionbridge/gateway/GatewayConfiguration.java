package io.notionbridge.gateway;

import java.time.Clock;
import java.util.Random;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.notionbridge.cluster.ClusterLeadership;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.notion.retry.Backoff;
import io.notionbridge.notion.retry.RetryPolicy;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/** Beans of the Notion gateway route ({@code routes/notion-gateway.camel.yaml}) and its health checks. */
public class GatewayConfiguration implements CamelConfiguration {

    /** Registry name of the shared {@link NotionTrafficPause}. */
    public static final String PAUSE_BEAN = "notionTrafficPause";

    @Override
    public void configure(CamelContext context) {
        GatewaySettings settings = GatewaySettings.from(BridgeConfig.of(context));
        Registry r = context.getRegistry();
        NotionTrafficPause pause = trafficPause(r);
        RetryPolicy policy = new RetryPolicy(settings.maxAttempts(), settings.maxRateLimitedAttempts(),
                new Backoff(Backoff.Jitter.FULL, settings.backoffBase(), settings.backoffMax(), 2.0, new Random()));
        CircuitBreaker breaker = NotionCircuitBreakers.create(settings);
        GatewayMetrics metrics = new GatewayMetrics(meterRegistry(context));
        metrics.bind(pause, breaker);
        NotionClient client = NotionClient.of(context);
        NotionIdentity identity = new NotionIdentity(client, settings.healthCacheTtl(), Clock.systemUTC());

        r.bind("gatewaySettings", settings);
        r.bind(PAUSE_BEAN, pause);
        GatewayRetries retries = new GatewayRetries(policy, pause);
        metrics.bindRetries(retries);
        r.bind("notionRetries", retries);
        r.bind("notionCircuitBreaker", breaker);
        r.bind("notionHttp", new NotionHttpExecutor(NotionEndpoints.lazy(context), settings, policy, metrics));
        r.bind("notionIdentity", identity);
        r.bind("notionBreakerHealthCheck", new NotionBreakerHealthCheck(breaker));
        r.bind("notionHealthCheck", new NotionHealthCheck(identity, pause, () -> {
            ClusterLeadership l = r.lookupByNameAndType("clusterLeadership", ClusterLeadership.class);
            return l != null && !l.isLeader();
        }));
    }

    /**
     * The shared pause: one bound before this configuration runs (a drill that lets the pause wait on a virtual clock,
     * or an embedding application) is used as it is; otherwise a pause on the system clock.
     */
    static NotionTrafficPause trafficPause(Registry r) {
        NotionTrafficPause bound = r.lookupByNameAndType(PAUSE_BEAN, NotionTrafficPause.class);
        return bound != null ? bound : new NotionTrafficPause();
    }

    /** Camel's Prometheus registry when metrics are on (it is created before configurations run), else a local one. */
    static MeterRegistry meterRegistry(CamelContext context) {
        MeterRegistry found = context.getRegistry().findSingleByType(MeterRegistry.class);
        return found != null ? found : new SimpleMeterRegistry();
    }
}
