package io.notionbridge.ops.mcp;

import io.notionbridge.ops.BearerToken;
import java.time.Clock;
import java.time.Duration;

import io.notionbridge.cli.VersionProvider;
import io.notionbridge.config.BridgeConfig;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Beans of routes/mcp.camel.yaml: the MCP endpoint behind {@code bridge.admin.token} (off without one). */
public class McpConfiguration implements CamelConfiguration {

    /** Sessions kept at most at once (the least recently used makes room for a new one). */
    static final int MAX_SESSIONS = 1000;

    @Override
    public void configure(CamelContext context) {
        BridgeConfig config = BridgeConfig.of(context);
        BearerToken token = new BearerToken(config.get("bridge.admin.token").orElse(null));
        OriginPolicy origins = OriginPolicy.parse(config.get("bridge.mcp.allowed-origins", ""));
        McpSessions sessions = new McpSessions(Duration.ofMinutes(config.getInt("bridge.mcp.session-idle-minutes", 60)),
                MAX_SESSIONS, Clock.systemUTC());
        McpProtocol protocol = new McpProtocol(new McpTools(new JobServiceJobs(context)), VersionProvider.version());
        context.getRegistry().bind("mcpEndpoint", new McpEndpoint(new McpServer(token, origins, sessions, protocol)));
    }
}
