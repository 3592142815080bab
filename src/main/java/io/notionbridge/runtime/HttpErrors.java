package io.notionbridge.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.store.Database;
import io.notionbridge.store.StoreUnavailable;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception caught by the HTTP route configuration into a JSON error answer: the status the exception asks
 * for ({@link HttpProblem}) with its message and per-field errors; 503 {@code store_unavailable} with
 * {@code Retry-After} when the store cannot be reached ({@link StoreUnavailable}), so that callers such as Notion's
 * webhook delivery send the request again later instead of losing it; or 500 naming the exchange id to find in the log.
 */
public class HttpErrors {

    /** Seconds a caller is asked to wait ({@code Retry-After}) before it sends a request refused for a store outage. */
    public static final int STORE_RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);
    private final ObjectMapper mapper = new ObjectMapper();

    public void toResponse(Exchange exchange) throws JsonProcessingException {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Map<String, Object> body = new LinkedHashMap<>();
        int status;
        HttpProblem problem = find(t);
        if (problem != null) {
            status = problem.status();
            body.put("error", problem.code());
            body.put("message", problem.getMessage());
            List<?> errors = problem.errors();
            if (errors != null && !errors.isEmpty()) {
                body.put("errors", errors);
            }
        } else if (StoreUnavailable.causedBy(t)) {
            status = 503;
            body.put("error", "store_unavailable");
            body.put("message", "the bridge cannot reach its store right now, so nothing was stored; send the request "
                    + "again in " + STORE_RETRY_AFTER_SECONDS + " seconds");
            exchange.getMessage().setHeader("Retry-After", Integer.toString(STORE_RETRY_AFTER_SECONDS));
            LOG.warn("Request answered 503 store_unavailable (exchange {}): {}", exchange.getExchangeId(),
                    Database.rootMessage(t));
        } else {
            status = 500;
            body.put("error", "internal_error");
            body.put("message", "the request failed inside the bridge; see the log for exchange " + exchange.getExchangeId());
            LOG.error("Request failed: {}", t == null ? "unknown error" : t.toString(), t);
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(mapper.writeValueAsString(body));
    }

    private static HttpProblem find(Throwable t) {
        while (t != null) {
            if (t instanceof HttpProblem p) {
                return p;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return null;
    }
}
