package io.notionbridge.tasks;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.SandboxConfiguration;
import io.notionbridge.sandbox.webhook.WebhookOptions;
import io.notionbridge.sandbox.webhook.WebhookSubscription;
import io.notionbridge.tasks.webhook.WebhookSecretStore;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandbox mode without setup: once the runtime is up (HTTP server listening), subscribes the embedded Notion sandbox
 * to the runtime's own {@code /webhook/notion} with a secret generated for this run (or the configured one), so that
 * editing a task page in the sandbox makes the tasks table follow. Nothing happens with real Notion, when the webhook
 * route is not loaded (one-shot commands), on a random HTTP port, or with {@code bridge.tasks.sandbox-webhook=false}.
 * A sandbox already subscribed by configuration ({@code bridge.sandbox.webhook-url}) keeps its subscription, and its
 * token becomes this run's secret.
 */
public class SandboxWebhookSubscriber implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxWebhookSubscriber.class);

    private final WebhookSecretStore secrets;
    private final boolean enabled;

    public SandboxWebhookSubscriber(WebhookSecretStore secrets, boolean enabled) {
        this.secrets = secrets;
        this.enabled = enabled;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the HTTP server may not listen yet: see onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        NotionSandbox sandbox = context.getRegistry().lookupByNameAndType(SandboxConfiguration.SANDBOX_BEAN, NotionSandbox.class);
        if (!enabled || sandbox == null || context.getRoute("task-webhook") == null) {
            return;
        }
        BridgeConfig config = BridgeConfig.of(context);
        int port = config.getInt("camel.server.port", 8080);
        if (port <= 0) {
            LOG.info("Task sync: the HTTP port is chosen at random; the sandbox is not subscribed to /webhook/notion");
            return;
        }
        String host = config.get("camel.server.host", "0.0.0.0");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        String url = "http://" + host + ":" + port + "/webhook/notion";
        WebhookSubscription existing = sandbox.webhooks().subscription().orElse(null);
        if (existing != null) {
            boolean used = secrets.useForThisRun(existing.options().verificationToken());
            LOG.info("Task sync: the Notion sandbox already delivers webhooks to {}{}", existing.options().url(),
                    used ? "; its verification token is this run's webhook secret" : "");
            return;
        }
        String secret = secrets.source().equals("configured") ? secrets.active().orElseThrow()
                : WebhookOptions.newVerificationToken();
        secrets.useForThisRun(secret);
        sandbox.subscribeWebhook(WebhookOptions.of(url, secret));
        LOG.info("Task sync: Notion sandbox subscribed to {} (webhook secret {} for this run); edit a Video Tasks page "
                + "in the sandbox and the tasks table follows", url, WebhookSecretStore.redact(secret));
    }
}
