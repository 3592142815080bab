package io.notionbridge.suppression;

import java.time.Clock;

import javax.sql.DataSource;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.store.Database;
import io.notionbridge.store.JobRuns;
import io.notionbridge.store.StoreConfiguration;
import io.notionbridge.store.SyncWatermarks;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans of routes/suppression-sync.camel.yaml: the cache and the sync job. */
public class SuppressionConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        DataSource ds = StoreConfiguration.dataSource(context);
        SuppressionSettings settings = SuppressionSettings.from(BridgeConfig.of(context));
        SuppressionCache cache = new SuppressionCache(ds, Database.isPostgres(ds));
        NotionClient notion = NotionClient.of(context);
        context.getRegistry().bind("suppressionCache", cache);
        context.getRegistry().bind("suppressionSyncJob", new SuppressionSyncJob(notion, settings, cache,
                new SyncWatermarks(ds), new JobRuns(ds), Clock.systemUTC()));
    }
}
