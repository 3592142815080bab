package io.notionbridge.ops;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.gateway.NotionHttpExecutor;
import io.notionbridge.store.StoreConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans of operations: the job catalog and the job service behind JMX, the admin API and MCP. */
public class OpsConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        JobCatalog catalog = JobCatalog.of(BridgeConfig.of(context));
        JobService jobs = new JobService(context, catalog, StoreConfiguration.dataSource(context));
        context.getRegistry().bind("jobCatalog", catalog);
        context.getRegistry().bind("jobService", jobs);
        java.util.Map<String, String> jobOfTimer = new java.util.HashMap<>();
        catalog.all().forEach(j -> j.timerRoutes().forEach(r -> jobOfTimer.put(r, j.name())));
        context.addRoutePolicyFactory(new PausedJobTimers(jobOfTimer, jobs::isPaused));
        AdminToken token = new AdminToken(BridgeConfig.of(context).get("bridge.admin.token").orElse(null));
        context.getRegistry().bind("adminToken", token);
        context.getRegistry().bind("adminApi", new AdminApi(jobs, token));
        StoreGauges gauges = new StoreGauges(StoreConfiguration.dataSource(context), java.time.Duration.ofSeconds(5),
                java.time.Clock.systemUTC());
        context.getRegistry().bind("storeGauges", gauges);
        context.addStartupListener((ctx, alreadyStarted) -> {
            io.notionbridge.warehouse.WarehouseSyncJob warehouse = ctx.getRegistry().lookupByNameAndType("warehouseSyncJob",
                    io.notionbridge.warehouse.WarehouseSyncJob.class);
            if (warehouse != null) {
                warehouse.skipWhen(db -> jobs.isPaused(JobCatalog.WAREHOUSE_PREFIX + db));
            }
            io.micrometer.core.instrument.MeterRegistry registry =
                    ctx.getRegistry().findSingleByType(io.micrometer.core.instrument.MeterRegistry.class);
            if (registry != null) {
                OpsMetrics.bind(registry, jobs, gauges);
            }
        });
        BridgeConfig config = BridgeConfig.of(context);
        AlertSender sender = new AlertSender(config.get("bridge.alerts.webhook-url").orElse(null));
        context.getRegistry().bind("alertMonitor", new AlertMonitor(jobs,
                () -> context.getRegistry().lookupByNameAndType("notionCircuitBreaker", CircuitBreaker.class), gauges,
                () -> {
                    NotionHttpExecutor http = context.getRegistry().lookupByNameAndType("notionHttp", NotionHttpExecutor.class);
                    return http == null ? 0 : http.authFailures();
                }, sender, new AlertMonitor.Settings(config.getInt("bridge.alerts.consecutive-failures", 3),
                        java.time.Duration.ofMinutes(config.getInt("bridge.alerts.repeat-minutes", 60))), java.time.Clock.systemUTC()));
        if (config.getBoolean("camel.main.jmx-enabled", true)) {
            // started after the routes are in the context, so every job whose route is loaded gets its MBean
            context.addStartupListener((ctx, alreadyStarted) -> ctx.addService(new JobMBeans(jobs), true, true));
        }
    }
}
