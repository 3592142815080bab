package io.notionbridge.ops.mcp;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Camel glue of the MCP endpoint ({@code routes/mcp.camel.yaml}): hands the HTTP request to {@link McpServer} and
 * writes its answer. The request's headers are dropped before answering, so none of them (the token above all) is
 * echoed back as a response header.
 */
public class McpEndpoint {

    private static final String[] READ = {"Authorization", "Origin", "Content-Type", "Accept", McpServer.SESSION_HEADER,
        McpServer.VERSION_HEADER};

    private final McpServer server;

    public McpEndpoint(McpServer server) {
        this.server = server;
    }

    public void handle(Exchange exchange) {
        Message m = exchange.getMessage();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : READ) {
            String v = m.getHeader(name, String.class);
            if (v != null) {
                headers.put(name, v);
            }
        }
        String method = m.getHeader(Exchange.HTTP_METHOD, String.class);
        String body = "POST".equalsIgnoreCase(method) ? m.getBody(String.class) : null;
        McpHttpResponse r = server.handle(new McpHttpRequest(method, headers, body));
        m.getHeaders().clear();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, r.status());
        r.headers().forEach(m::setHeader);
        m.setBody(r.body());
    }
}
