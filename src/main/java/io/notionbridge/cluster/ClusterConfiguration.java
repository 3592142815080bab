package io.notionbridge.cluster;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.notionbridge.config.BridgeConfig;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;

/**
 * Leader election: the cluster service of {@code bridge.cluster.service} becomes a context service (the {@code master:}
 * component finds it there; a bean alone is not enough), and {@code clusterLeadership} tells the gateway and the job
 * service whether this instance leads.
 */
public class ClusterConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        ClusterSettings settings = ClusterSettings.from(BridgeConfig.of(context));
        CamelClusterService service = ClusterServices.create(settings, context);
        context.addService(service);
        ClusterLeadership leadership = new ClusterLeadership(settings, service, Clock.systemUTC());
        context.addService(leadership);
        context.getRegistry().bind("clusterLeadership", leadership);
        context.getRegistry().bind("clusterHealthCheck", new ClusterHealthCheck(leadership));
        MeterRegistry meters = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (meters != null) {
            Gauge.builder("bridge_cluster_leader", leadership, l -> l.isLeader() ? 1 : 0).tag("node", settings.nodeId())
                    .description("1 while this instance is the cluster leader (runs the Notion-facing jobs), else 0")
                    .register(meters);
        }
    }
}
