package io.notionbridge.sandbox;

import io.notionbridge.gateway.NotionEndpoint;
import io.notionbridge.gateway.NotionEndpoints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;

import io.notionbridge.cli.BridgeCli;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The run integration (sandbox when no token, real Notion otherwise) and the sandbox CLI command's options. */
class SandboxConfigurationTest {

    private static DefaultCamelContext context(String token) {
        DefaultCamelContext ctx = new DefaultCamelContext();
        ctx.getPropertiesComponent().setLocation("classpath:application.properties");
        Properties p = new Properties();
        p.setProperty("bridge.notion.token", token);
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.sandbox.rate-limit", "off");
        ctx.getPropertiesComponent().setOverrideProperties(p);
        return ctx;
    }

    @Test
    void noTokenStartsTheSandboxAndStopsItWithCamel() {
        DefaultCamelContext ctx = context("");
        new SandboxConfiguration().configure(ctx);
        ctx.start();
        NotionEndpoint endpoint = ctx.getRegistry().lookupByNameAndType(NotionEndpoints.BEAN, NotionEndpoint.class);
        NotionSandbox sandbox = ctx.getRegistry().lookupByNameAndType(SandboxConfiguration.SANDBOX_BEAN, NotionSandbox.class);
        assertTrue(endpoint.sandbox());
        assertEquals(sandbox.baseUrl(), endpoint.baseUrl());
        assertEquals(SandboxOptions.DEFAULT_TOKEN, endpoint.token());
        assertEquals(sandbox.baseUrl(), ctx.resolvePropertyPlaceholders("{{bridge.notion.base-url}}"));
        assertFalse(endpoint.toString().contains(SandboxOptions.DEFAULT_TOKEN), "the token is never shown");
        SandboxClient api = new SandboxClient(endpoint.baseUrl(), endpoint.token(), "2025-09-03");
        assertEquals(200, api.get("/v1/users/me").status());
        assertEquals(endpoint, SandboxConfiguration.endpoint(ctx), "one endpoint per context");
        ctx.stop();
        assertThrows(java.io.UncheckedIOException.class, () -> api.get("/v1/users/me"), "stopped with Camel");
    }

    @Test
    void aBusyPortFallsBackToAFreeOne() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            DefaultCamelContext ctx = context("");
            ctx.getPropertiesComponent().addOverrideProperty("bridge.sandbox.port", String.valueOf(busy.getLocalPort()));
            NotionEndpoint endpoint = SandboxConfiguration.endpoint(ctx);
            ctx.start();
            try {
                assertTrue(endpoint.sandbox());
                assertFalse(endpoint.baseUrl().endsWith(":" + busy.getLocalPort()));
                assertEquals(200, new SandboxClient(endpoint.baseUrl(), endpoint.token(), "2025-09-03")
                        .get("/v1/users/me").status());
            } finally {
                ctx.stop();
            }
        }
    }

    @Test
    void aTokenMeansRealNotionAndNoSandbox() {
        DefaultCamelContext ctx = context("secret_real_token_for_test");
        NotionEndpoint endpoint = SandboxConfiguration.endpoint(ctx);
        assertFalse(endpoint.sandbox());
        assertEquals("https://api.notion.com", endpoint.baseUrl());
        assertNull(ctx.getRegistry().lookupByName(SandboxConfiguration.SANDBOX_BEAN));
        assertFalse(endpoint.toString().contains("secret_real_token_for_test"));
    }

    @Test
    void propertiesGiveTheSandboxOptions() {
        DefaultCamelContext ctx = context("");
        SandboxOptions o = SandboxConfiguration.options(io.notionbridge.config.BridgeConfig.of(ctx)).build();
        assertEquals(0, o.port());
        assertEquals("off", o.rateLimit().describe());
        ctx.getPropertiesComponent().addOverrideProperty("bridge.sandbox.rate-limit", "average:3:10");
        SandboxOptions d = SandboxConfiguration.options(io.notionbridge.config.BridgeConfig.of(ctx)).build();
        assertEquals("average:3:10", d.rateLimit().describe());
    }

    @Test
    void sandboxCommandIsListedAndRejectsABadRate() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = BridgeCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("sandbox", "--help"));
        assertTrue(out.toString().contains("--rate"), out.toString());
        assertTrue(out.toString().contains("--no-demo"));
        CommandLine again = BridgeCli.commandLine();
        again.setErr(new PrintWriter(err));
        assertEquals(2, again.execute("sandbox", "--port", "0", "--rate", "sometimes"));
        assertTrue(err.toString().contains("bad sandbox option"), err.toString());
    }
}
