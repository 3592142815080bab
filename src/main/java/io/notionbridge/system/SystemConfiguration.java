package io.notionbridge.system;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.notionbridge.cluster.ClusterLeadership;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.runtime.HttpErrors;
import io.notionbridge.store.JobRuns;
import io.notionbridge.store.Prunable;
import io.notionbridge.store.StoreConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans of routes/system.camel.yaml and of the shared HTTP error handling. */
public class SystemConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        DataSource ds = StoreConfiguration.dataSource(context);
        BridgeConfig config = BridgeConfig.of(context);
        context.getRegistry().bind("httpErrors", new HttpErrors());
        context.getRegistry().bind("systemInfo", new SystemInfo(ds, context.getCamelContextExtension().getProfile(), () -> {
            ClusterLeadership l = leadership(context);
            return l == null ? Map.of() : l.describe();
        }));
        context.getRegistry().bind("housekeeping", new Housekeeping(new JobRuns(ds),
                config.getInt("bridge.job-runs.retention-days", 30), () -> {
                    ClusterLeadership l = leadership(context);
                    return l == null ? null : l.leaderSince();
                }, () -> List.copyOf(context.getRegistry().findByType(Prunable.class))));
    }

    private static ClusterLeadership leadership(CamelContext context) {
        return context.getRegistry().lookupByNameAndType("clusterLeadership", ClusterLeadership.class);
    }
}
