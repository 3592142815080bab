package io.notionbridge.ops;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.store.StoreConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans of operations: the job catalog and the job service behind JMX, the admin API and MCP. */
public class OpsConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        JobCatalog catalog = JobCatalog.of(BridgeConfig.of(context));
        JobService jobs = new JobService(context, catalog, StoreConfiguration.dataSource(context));
        context.getRegistry().bind("jobCatalog", catalog);
        context.getRegistry().bind("jobService", jobs);
        AdminToken token = new AdminToken(BridgeConfig.of(context).get("bridge.admin.token").orElse(null));
        context.getRegistry().bind("adminToken", token);
        context.getRegistry().bind("adminApi", new AdminApi(jobs, token));
    }
}
