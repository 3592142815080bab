package io.notionbridge.gateway;

import java.util.function.Supplier;

import io.notionbridge.sandbox.SandboxConfiguration;
import org.apache.camel.CamelContext;

/**
 * Finds where Notion is at the first request: the {@code notionEndpoint} bean that {@link SandboxConfiguration} binds
 * (real Notion with {@code bridge.notion.token}, or the embedded sandbox when no token is set).
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
        return bound != null ? bound : SandboxConfiguration.endpoint(context);
    }
}
