package io.notionbridge.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionApiException;
import io.notionbridge.notion.error.NotionErrors;
import io.notionbridge.notion.retry.NetworkFailures;
import io.notionbridge.notion.retry.RetryDecision;
import io.notionbridge.notion.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP exchange with Notion, and the only code in the product that opens a connection to it. Called by the
 * gateway route after pacing; sends the request with the token and {@code Notion-Version}, returns the JSON answer,
 * and turns every failure into a typed {@link NotionApiException}: retryable ones as they are (the route's retry
 * configuration decides), final ones already in their final form (a write that may have committed becomes "outcome
 * unknown").
 */
public class NotionHttpExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(NotionHttpExecutor.class);

    private final Supplier<NotionEndpoint> endpoint;
    private final GatewaySettings settings;
    private final RetryPolicy policy;
    private final GatewayMetrics metrics;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final java.util.concurrent.atomic.AtomicLong authFailures = new java.util.concurrent.atomic.AtomicLong();

    public NotionHttpExecutor(Supplier<NotionEndpoint> endpoint, GatewaySettings settings, RetryPolicy policy,
                              GatewayMetrics metrics) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.policy = policy;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Sends {@code request} once; returns Notion's JSON answer or throws a typed error. */
    public JsonNode execute(NotionRequest request) {
        NotionEndpoint target = endpoint.get();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.baseUrl() + request.uri()))
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + target.token())
                .header("Notion-Version", settings.notionVersion())
                .header("Accept", "application/json");
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body().toString());
        if (request.body() != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(request.method().name(), body);
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            metrics.recordResponse(request.endpoint(), "network_error", System.nanoTime() - started);
            throw finalOrRetryable(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw finalOrRetryable(request, new IOException("interrupted while waiting for Notion", e));
        }
        int status = response.statusCode();
        metrics.recordResponse(request.endpoint(), Integer.toString(status), System.nanoTime() - started);
        if (status >= 200 && status < 300) {
            LOG.debug("Notion {} -> {} in {} ms request_id={}", request.endpoint(), status,
                    (System.nanoTime() - started) / 1_000_000, response.headers().firstValue("x-notion-request-id").orElse("-"));
            return parse(request, response.body());
        }
        NotionApiException error = NotionErrors.fromResponse(request, status, response.headers().map(), response.body());
        if (error instanceof io.notionbridge.notion.error.NotionUnauthorizedException) {
            authFailures.incrementAndGet();
            LOG.error("ALERT Notion rejected the integration token on {} (401 {}, request_id={}): check NOTION_TOKEN",
                    request.endpoint(), error.code(), error.requestId());
        }
        LOG.warn("Notion {} -> {} {} request_id={}: {}", request.endpoint(), status, error.code(), error.requestId(),
                error.notionMessage());
        throw finalOrRetryable(request, error);
    }

    /** How many times Notion answered 401 since start (for alerts). */
    public long authFailures() {
        return authFailures.get();
    }

    /** A retryable failure as the typed error the retry configuration understands; a final one in its final form. */
    private RuntimeException finalOrRetryable(NotionRequest request, Throwable failure) {
        RetryDecision first = policy.decide(request, failure, 1);
        if (first.retry()) {
            NotionApiException typed = NetworkFailures.typed(request, failure);
            return typed != null ? typed : new IllegalStateException(failure);
        }
        return first.error();
    }

    private JsonNode parse(NotionRequest request, String body) {
        try {
            return body == null || body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Notion " + request.endpoint() + " answered 2xx with a body that is not JSON", e);
        }
    }
}
