package io.notionbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Answers carry only the headers the bridge sets: request headers, query parameters and form fields are not echoed. */
class ResponseHeaderFilterTest {

    private final ResponseHeaderFilter filter = new ResponseHeaderFilter();

    private boolean sent(String name) {
        return !filter.applyFilterToCamelHeaders(name, "v", null);
    }

    @Test
    void theBridgesResponseHeadersGoOut() {
        // Content-Type is not copied as a header: platform-http writes it from the message itself
        for (String h : new String[] {"Allow", "allow", "WWW-Authenticate", "Mcp-Session-Id", "Retry-After"}) {
            assertThat(sent(h)).as(h).isTrue();
        }
    }

    @Test
    void requestHeadersParametersAndCamelHeadersStayIn() {
        for (String h : new String[] {"Authorization", "X-Bridge-Automation-Secret", "X-Notion-Signature", "limit",
                "dryRun", "{\"worker\":\"w1\"}", "breadcrumbId", "CamelHttpResponseCode", "CamelHttpUri", "Host",
                "Content-Length", "Set-Cookie", null}) {
            assertThat(sent(h)).as(String.valueOf(h)).isFalse();
        }
    }

    @Test
    void incomingHeadersAreFilteredAsCamelDoes() {
        assertThat(filter.applyFilterToExternalHeaders("X-Notion-Signature", "sha256=…", null)).isFalse();
        assertThat(filter.applyFilterToExternalHeaders("CamelHttpResponseCode", "200", null)).isTrue();
    }
}
