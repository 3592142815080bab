package io.notionbridge.gateway;

import java.util.function.Supplier;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import org.apache.camel.CamelContext;

/**
 * Finds where Notion is at the first request: the {@code notionEndpoint} bean when something (the embedded sandbox)
 * bound one, otherwise {@code bridge.notion.base-url} with the token from {@code bridge.notion.token}.
 */
public final class NotionEndpoints {

    public static final String BEAN = "notionEndpoint";

    private NotionEndpoints() {
    }

    public static Supplier<NotionEndpoint> lazy(CamelContext context) {
        return new Supplier<>() {
            private volatile NotionEndpoint resolved;

            @Override
            public NotionEndpoint get() {
                NotionEndpoint e = resolved;
                if (e == null) {
                    e = resolve(context);
                    resolved = e;
                }
                return e;
            }
        };
    }

    static NotionEndpoint resolve(CamelContext context) {
        NotionEndpoint bound = context.getRegistry().lookupByNameAndType(BEAN, NotionEndpoint.class);
        if (bound != null) {
            return bound;
        }
        BridgeConfig config = BridgeConfig.of(context);
        String token = config.get("bridge.notion.token").orElseThrow(() -> new BridgeException(
                "no Notion token configured: set NOTION_TOKEN to the integration's secret"));
        return new NotionEndpoint(config.get("bridge.notion.base-url", "https://api.notion.com"), token, false);
    }
}
