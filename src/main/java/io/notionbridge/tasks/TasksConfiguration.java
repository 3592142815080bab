package io.notionbridge.tasks;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.store.JobRuns;
import io.notionbridge.store.StoreConfiguration;
import io.notionbridge.tasks.webhook.InboxEvent;
import io.notionbridge.tasks.webhook.WebhookInbox;
import io.notionbridge.tasks.webhook.WebhookIntake;
import io.notionbridge.tasks.webhook.WebhookSecretStore;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beans of the two-way task sync ({@code routes/task-*.camel.yaml}). Loads the channels at start: an invalid channel
 * folder stops the runtime with a message that names every problem.
 */
public class TasksConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TasksConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        TaskSettings s = TaskSettings.from(BridgeConfig.of(context));
        ChannelRegistry channels = ChannelRegistry.load(Path.of(s.channelsDir()));
        DataSource ds = StoreConfiguration.dataSource(context);
        Clock clock = Clock.systemUTC();
        JobRuns jobRuns = new JobRuns(ds);
        TaskRepository tasks = new TaskRepository(ds, clock);
        TaskNotion notion = new GatewayTaskNotion(context);
        WebhookSecretStore secrets = new WebhookSecretStore(ds, s.webhookSecret(), s.setupMode(), clock);
        WebhookInbox inbox = new WebhookInbox(ds, clock, s.maxAttempts(), s.backoff(), s.backoffMax(), s.lockTimeout());
        TaskEventProcessor processor = new TaskEventProcessor(tasks, notion, channels, s.properties(), s.databaseId());

        Registry r = context.getRegistry();
        r.bind("channelRegistry", channels);
        r.bind("taskRepository", tasks);
        r.bind("webhookSecretStore", secrets);
        r.bind("webhookInbox", inbox);
        r.bind("webhookIntake", new WebhookIntake(secrets, inbox, s.maxBodyBytes(), s.automationHeader(),
                s.automationSecret()));
        r.bind("taskEventProcessor", processor);
        r.bind("taskInbox", new TaskInboxProcessor(inbox, processor, jobRuns, s.inboxBatchSize()));
        r.bind("taskPush", new TaskPushPoller(tasks, notion, s.properties(), jobRuns, s.pushBatchSize()));
        r.bind("taskApi", new TaskApi(tasks, channels));
        r.bind("inboxApi", new InboxApi(inbox));
        context.addStartupListener(new SandboxWebhookSubscriber(secrets, s.sandboxWebhook()));
        LOG.info("Tasks: {} channel(s) ({}), task database {}, webhook secret: {}{}", channels.all().size(),
                String.join(", ", channels.ids()), s.databaseId(), secrets.source(),
                s.setupMode() ? " (setup mode on)" : "");
    }
}
