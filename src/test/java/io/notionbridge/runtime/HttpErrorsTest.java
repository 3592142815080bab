package io.notionbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JSON answers of the HTTP routes' error handler: 4xx from HttpProblem, 503 for a store outage, else 500. */
class HttpErrorsTest {

    private final CamelContext context = new DefaultCamelContext();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    private Exchange answer(Throwable caught) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, caught);
        new HttpErrors().toResponse(exchange);
        return exchange;
    }

    private JsonNode body(Exchange e) throws Exception {
        return json.readTree(e.getMessage().getBody(String.class));
    }

    @Test
    void aStoreOutageAnywhereInTheCauseChainIs503WithRetryAfter() throws Exception {
        SQLException pool = new SQLTransientConnectionException("bridge-store - Connection is not available, request "
                + "timed out after 3000ms");
        Exchange e = answer(new IllegalStateException("cannot store webhook event evt-1: " + pool.getMessage(), pool));
        assertThat(e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(e.getMessage().getHeader("Retry-After")).isEqualTo(Integer.toString(HttpErrors.STORE_RETRY_AFTER_SECONDS));
        assertThat(e.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
        JsonNode b = body(e);
        assertThat(b.path("error").asText()).isEqualTo("store_unavailable");
        assertThat(b.path("message").asText()).contains("cannot reach its store").contains("nothing was stored");
        assertThat(b.toString()).doesNotContain("Connection is not available");
    }

    @Test
    void anHttpProblemKeepsItsStatusCodeAndErrors() throws Exception {
        Exchange e = answer(new HttpProblem(400, "invalid_event", "a webhook event needs an id and a type",
                List.of("id")));
        assertThat(e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(e.getMessage().getHeader("Retry-After")).isNull();
        assertThat(body(e).path("error").asText()).isEqualTo("invalid_event");
        assertThat(body(e).path("errors").get(0).asText()).isEqualTo("id");
    }

    @Test
    void anyOtherFailureIs500NamingTheExchange() throws Exception {
        Exchange e = answer(new IllegalStateException("cannot store", new SQLException("duplicate key", "23505")));
        assertThat(e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
        assertThat(e.getMessage().getHeader("Retry-After")).isNull();
        assertThat(body(e).path("error").asText()).isEqualTo("internal_error");
        assertThat(body(e).path("message").asText()).contains(e.getExchangeId());
    }
}
