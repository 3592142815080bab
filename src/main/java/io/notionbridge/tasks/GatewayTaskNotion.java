package io.notionbridge.tasks;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.gateway.NotionIdentity;
import org.apache.camel.CamelContext;

/** {@link TaskNotion} through the gateway beans {@code notionClient} and {@code notionIdentity}, found when first used. */
public class GatewayTaskNotion implements TaskNotion {

    private final CamelContext context;

    public GatewayTaskNotion(CamelContext context) {
        this.context = context;
    }

    @Override
    public JsonNode retrievePage(String pageId) {
        return client().retrievePage(pageId);
    }

    @Override
    public JsonNode updatePage(String pageId, ObjectNode body) {
        return client().updatePage(pageId, body);
    }

    @Override
    public String botId() {
        return bean("notionIdentity", NotionIdentity.class).botId();
    }

    @Override
    public List<String> dataSourceIds(String databaseId) {
        return client().dataSources().dataSourceIds(databaseId);
    }

    private NotionClient client() {
        return bean("notionClient", NotionClient.class);
    }

    private <T> T bean(String name, Class<T> type) {
        T bean = context.getRegistry().lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("no " + name + " bean: the Notion gateway is not configured");
        }
        return bean;
    }
}
