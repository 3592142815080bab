package io.notionbridge.runtime;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * The header filter of the business port's {@code platform-http} endpoints. Incoming headers are handled as Camel's
 * {@link HttpHeaderFilterStrategy} does. Outgoing, only the response headers the bridge sets itself
 * ({@link #RESPONSE_HEADERS}) reach the caller: query parameters, form fields and request headers that Camel keeps as
 * message headers are never echoed back. Without this, a request header such as {@code X-Bridge-Automation-Secret}
 * came back in the answer, and a query parameter holding a line break made Vert.x fail the whole answer (500).
 */
public class ResponseHeaderFilter extends HttpHeaderFilterStrategy {

    /** Lower-case names of the headers an answer may carry (Content-Type is written by platform-http itself). */
    public static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "allow", "www-authenticate",
            "mcp-session-id", "retry-after", "idempotent-replayed");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName == null || !RESPONSE_HEADERS.contains(headerName.toLowerCase(Locale.ROOT))
                || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }
}
