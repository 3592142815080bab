package io.notionbridge.sandbox;

import io.notionbridge.gateway.NotionEndpoint;
import io.notionbridge.gateway.NotionEndpoints;
import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import io.notionbridge.sandbox.limit.RateLimitSettings;
import io.notionbridge.sandbox.webhook.WebhookOptions;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses where the runtime's Notion traffic goes. With {@code bridge.notion.token} set: real Notion at
 * {@code bridge.notion.base-url}. Without it: starts the embedded Notion sandbox (with demo data) on
 * {@code bridge.sandbox.port}, says so at WARN, binds it as {@code notionSandbox}, and overrides
 * {@code bridge.notion.base-url}/{@code bridge.notion.token} with the sandbox's. Either way the registry gets a
 * {@link NotionEndpoint} bean {@code notionEndpoint}; other configurations get it through
 * {@link #endpoint(CamelContext)}, whatever order they run in. The sandbox stops with the Camel context.
 */
public class SandboxConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxConfiguration.class);
    public static final String SANDBOX_BEAN = "notionSandbox";
    public static final String DEFAULT_BASE_URL = "https://api.notion.com";

    @Override
    public void configure(CamelContext context) {
        endpoint(context);
    }

    /** The Notion endpoint of this context, starting the sandbox on first use when no token is configured. */
    public static synchronized NotionEndpoint endpoint(CamelContext context) {
        NotionEndpoint existing = context.getRegistry().lookupByNameAndType(NotionEndpoints.BEAN, NotionEndpoint.class);
        if (existing != null) {
            return existing;
        }
        BridgeConfig config = BridgeConfig.of(context);
        NotionEndpoint endpoint = config.get("bridge.notion.token")
                .map(token -> new NotionEndpoint(config.get("bridge.notion.base-url", DEFAULT_BASE_URL), token, false))
                .orElseGet(() -> startSandbox(context, config));
        context.getRegistry().bind(NotionEndpoints.BEAN, endpoint);
        if (!endpoint.sandbox()) {
            LOG.info("Notion: {}", endpoint.baseUrl());
        }
        return endpoint;
    }

    private static NotionEndpoint startSandbox(CamelContext context, BridgeConfig config) {
        SandboxOptions options = options(config).build();
        if (config.getBoolean("bridge.sandbox.reuse-running", false)) {
            String url = "http://" + options.host() + ":" + options.port();
            if (RunningSandboxProbe.answers(url, options.token())) {
                LOG.warn("NOTION SANDBOX MODE: no Notion token configured (NOTION_TOKEN); using the Notion sandbox "
                        + "already running at {} (the runtime's), not Notion", url);
                context.getPropertiesComponent().addOverrideProperty("bridge.notion.sandbox", "true");
                return new NotionEndpoint(url, options.token(), true);
            }
        }
        NotionSandbox sandbox = start(options);
        LOG.warn("NOTION SANDBOX MODE: no Notion token configured (NOTION_TOKEN); the bridge talks to the embedded "
                + "Notion sandbox at {}, not to Notion", sandbox.baseUrl());
        context.getRegistry().bind(SANDBOX_BEAN, sandbox);
        context.getPropertiesComponent().addOverrideProperty("bridge.notion.base-url", sandbox.baseUrl());
        context.getPropertiesComponent().addOverrideProperty("bridge.notion.token", sandbox.token());
        context.getPropertiesComponent().addOverrideProperty("bridge.notion.sandbox", "true");
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    sandbox.close();
                }
            }, true, true);
        } catch (Exception e) {
            sandbox.close();
            throw new IllegalStateException(e);
        }
        return new NotionEndpoint(sandbox.baseUrl(), sandbox.token(), true);
    }

    /** Starts on the configured port, or on a free one when that port is taken. */
    private static NotionSandbox start(SandboxOptions options) {
        try {
            return NotionSandbox.start(options);
        } catch (IllegalStateException e) {
            if (options.port() == 0 || !(e.getCause() instanceof java.net.BindException)) {
                throw cannotStart(e);
            }
            LOG.warn("Notion sandbox: port {} is in use; using a free port instead (set BRIDGE_SANDBOX_PORT to choose)",
                    options.port());
            try {
                return NotionSandbox.start(options.toBuilder().port(0).build());
            } catch (IllegalStateException again) {
                throw cannotStart(again);
            }
        } catch (IllegalArgumentException e) {
            throw cannotStart(e);
        }
    }

    private static BridgeException cannotStart(RuntimeException e) {
        return new BridgeException("cannot start the embedded Notion sandbox: " + e.getMessage()
                + " (set BRIDGE_SANDBOX_PORT to a free port, or NOTION_TOKEN to use Notion)", e);
    }

    /** Sandbox options from the {@code bridge.sandbox.*} keys. */
    static SandboxOptions.Builder options(BridgeConfig config) {
        SandboxOptions.Builder b = SandboxOptions.builder()
                .host(config.get("bridge.sandbox.host", "127.0.0.1"))
                .port(config.getInt("bridge.sandbox.port", 8765))
                .demoData(config.getBoolean("bridge.sandbox.demo-data", true))
                .rateLimit(RateLimitSettings.parse(config.get("bridge.sandbox.rate-limit", "average:3:10"))
                        .withWorkspaceLimit(config.get("bridge.sandbox.workspace-limit", "off")));
        config.get("bridge.sandbox.webhook-url").ifPresent(url ->
                b.webhook(WebhookOptions.of(url, config.get("bridge.sandbox.webhook-token", null))));
        return b;
    }
}
