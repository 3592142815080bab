package io.notionbridge.warehouse;

import java.time.Clock;

import javax.sql.DataSource;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.gateway.GatewayConfiguration;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.gateway.NotionTrafficPause;
import io.notionbridge.notion.NotionClock;
import io.notionbridge.notion.pagination.PageFetcher;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.SandboxConfiguration;
import io.notionbridge.store.JobRuns;
import io.notionbridge.store.StoreConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;

/** Beans of {@code routes/warehouse-sync.camel.yaml}: the job, its clock, and the split's aggregation. */
public class WarehouseConfiguration implements CamelConfiguration {

    public static final String JOB_BEAN = "warehouseSyncJob";

    @Override
    public void configure(CamelContext context) {
        Registry r = context.getRegistry();
        WarehouseSettings settings = WarehouseSettings.from(BridgeConfig.of(context));
        DataSource store = StoreConfiguration.dataSource(context);
        WarehouseTarget target = new WarehouseTarget(settings.target(), () -> store);
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    target.close();
                }
            }, true, true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Clock clock = new NotionClock(() -> {
            NotionSandbox sandbox = r.lookupByNameAndType(SandboxConfiguration.SANDBOX_BEAN, NotionSandbox.class);
            return sandbox == null ? null : sandbox.clock();
        });
        // the gateway's client is bound by GatewayConfiguration, which may run after this one
        PageFetcher gateway = request -> r.lookupByNameAndType("notionClient", NotionClient.class).call(request);
        r.bind("warehouseClock", clock);
        WarehouseSyncJob job = new WarehouseSyncJob(settings, target, new WarehouseWatermarks(store), new JobRuns(store),
                gateway, clock);
        // the shared pause is bound by GatewayConfiguration, which may run after this one
        job.pausesFrom(() -> {
            NotionTrafficPause pause = r.lookupByNameAndType(GatewayConfiguration.PAUSE_BEAN, NotionTrafficPause.class);
            return pause == null ? new NotionTrafficPause.Tally(0, 0) : pause.tally();
        });
        r.bind(JOB_BEAN, job);
        r.bind("warehouseSyncGrouping", new GroupedBodyAggregationStrategy());
    }
}
