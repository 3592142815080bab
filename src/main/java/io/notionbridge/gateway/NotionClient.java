package io.notionbridge.gateway;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionApiException;
import io.notionbridge.notion.error.NotionUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.notionbridge.notion.pagination.PageHandler;
import io.notionbridge.notion.pagination.PaginationSummary;
import io.notionbridge.notion.pagination.Paginator;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * How Java code calls Notion: every method sends a {@link NotionRequest} to the gateway route ({@code direct:notion}),
 * so pacing, the shared pause, retries and the circuit breaker apply, and returns Notion's JSON. Errors arrive as the
 * typed {@link NotionApiException} subclasses.
 */
public class NotionClient {

    public static final String GATEWAY = "direct:notion";
    public static final String BEAN = "notionClient";
    /** Code of the typed error a call gets while the circuit breaker is open (nothing was sent). */
    public static final String CIRCUIT_OPEN = "circuit_open";

    private final ProducerTemplate producer;
    private final DataSourceResolver dataSources;

    /** The context's one client (bean {@code notionClient}), created on first use whatever order configurations run in. */
    public static synchronized NotionClient of(org.apache.camel.CamelContext context) {
        NotionClient existing = context.getRegistry().lookupByNameAndType(BEAN, NotionClient.class);
        if (existing != null) {
            return existing;
        }
        NotionClient client = new NotionClient(context.createProducerTemplate());
        context.getRegistry().bind(BEAN, client);
        return client;
    }

    public NotionClient(ProducerTemplate producer) {
        this.producer = producer;
        this.dataSources = new DataSourceResolver(this);
    }

    /** Sends one request through the gateway. */
    public JsonNode call(NotionRequest request) {
        try {
            return producer.requestBody(GATEWAY, request, JsonNode.class);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CallNotPermittedException open) {
                throw NotionUnavailableException.noResponse(request, CIRCUIT_OPEN, open);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    public JsonNode retrievePage(String pageId) {
        return call(NotionRequest.get("/v1/pages/" + NotionRequest.segment(pageId)));
    }

    public JsonNode updatePage(String pageId, ObjectNode body) {
        return call(NotionRequest.patch("/v1/pages/" + NotionRequest.segment(pageId), body));
    }

    /** Creates a page in the (first) data source of the database users configured. */
    public JsonNode createPageInDatabase(String databaseId, ObjectNode properties) {
        ObjectNode body = NotionJson.MAPPER.createObjectNode();
        body.putObject("parent").put("type", "data_source_id").put("data_source_id", dataSources.primary(databaseId));
        body.set("properties", properties);
        return call(NotionRequest.post("/v1/pages", body));
    }

    public DataSourceResolver dataSources() {
        return dataSources;
    }

    /**
     * Walks every result of a data source query ({@code body} holds filter and sorts), 100 per request, page by page;
     * see {@link Paginator} for the repeated-cursor guard and the split past Notion's 10,000-result cap.
     */
    public PaginationSummary queryAll(String dataSourceId, ObjectNode body, PageHandler handler) {
        return Paginator.of(NotionRequest.query(dataSourceId, body), this::call).forEachPage(handler);
    }

    /** Every result of a query, one at a time. */
    public PaginationSummary forEachResult(String dataSourceId, ObjectNode body, Consumer<JsonNode> each) {
        return queryAll(dataSourceId, body, page -> page.results().forEach(each));
    }
}
