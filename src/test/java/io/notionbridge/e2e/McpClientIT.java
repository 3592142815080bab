package io.notionbridge.e2e;

import io.notionbridge.testing.NodeScripts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.notionbridge.testing.BridgeProcess;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real MCP client against the packaged jar: the official MCP TypeScript SDK ({@code @modelcontextprotocol/sdk},
 * installed by {@code npm ci --prefix src/test/js-mcp} in Maven's pre-integration-test phase) runs
 * {@code src/test/js-mcp/mcp-check.mjs} over Streamable HTTP: connect, list the tools, call {@code stats} and a dry
 * run of {@code sync-suppression-cache}. Fails, never skips, when Node.js is missing.
 */
class McpClientIT {

    private static final Path SCRIPT_DIR = Path.of("src", "test", "js-mcp");
    private static final String TOKEN = "mcp-it-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void theOfficialMcpClientUsesTheBridgesTools() throws Exception {
        NodeScripts.requireNode("the MCP client test (McpClientIT)");
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules").resolve("@modelcontextprotocol").resolve("sdk"))) {
            NodeScripts.installPackages(SCRIPT_DIR);
        }
        Map<String, String> env = new HashMap<>();
        env.put("BRIDGE_DB_URL", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        env.put("BRIDGE_SANDBOX_PORT", Integer.toString(BridgeRouteTestSupport.freePort()));
        env.put("BRIDGE_ADMIN_TOKEN", TOKEN);
        try (BridgeProcess bridge = BridgeProcess.start(env)) {
            bridge.awaitHealthy(Duration.ofSeconds(90));
            ProcessBuilder pb = new ProcessBuilder("node", SCRIPT_DIR.resolve("mcp-check.mjs").toString()).redirectErrorStream(true);
            pb.environment().put("MCP_URL", "http://127.0.0.1:" + bridge.httpPort() + "/mcp");
            pb.environment().put("MCP_TOKEN", TOKEN);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("mcp-check.mjs did not finish within 120 s:\n" + out);
            }
            assertThat(p.exitValue()).as("mcp-check.mjs failed:\n%s\nbridge log:\n%s", out, bridge.log()).isZero();
            assertThat(out).contains("listTools has the 4 tools").contains("all MCP checks passed");
            assertThat(bridge.log()).contains("MCP session started by notion-bridge-mcp-check")
                    .as("the token is never logged").doesNotContain(TOKEN);
        }
    }
}
