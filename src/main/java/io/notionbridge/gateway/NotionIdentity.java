package io.notionbridge.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionRequest;

/**
 * Who the bridge is in Notion: the bot user behind the token ({@code GET /v1/users/me}). The bot id is cached for
 * good (flows use it to ignore the bridge's own edits); the reachability check behind the Notion health check is
 * cached for a configurable time so that health polling does not spend the rate limit.
 */
public class NotionIdentity {

    /** The outcome of the last check. */
    public record Check(boolean up, String message, Instant at) {
    }

    private final NotionClient client;
    private final Duration ttl;
    private final Clock clock;
    private volatile String botId;
    private volatile String botName;
    private volatile Check last;

    public NotionIdentity(NotionClient client, Duration ttl, Clock clock) {
        this.client = client;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The integration's bot user id, fetched once. */
    public String botId() {
        if (botId == null) {
            fetch();
        }
        return botId;
    }

    public String botName() {
        if (botId == null) {
            fetch();
        }
        return botName;
    }

    private synchronized void fetch() {
        if (botId == null) {
            JsonNode me = client.call(NotionRequest.get("/v1/users/me"));
            botName = me.path("name").asText("");
            botId = me.path("id").asText();
        }
    }

    /** Reachability of Notion with the configured token, checked at most once per TTL. */
    public synchronized Check check() {
        Instant now = clock.instant();
        if (last != null && Duration.between(last.at(), now).compareTo(ttl) < 0) {
            return last;
        }
        try {
            JsonNode me = client.call(NotionRequest.get("/v1/users/me"));
            botId = me.path("id").asText();
            botName = me.path("name").asText("");
            last = new Check(true, "authenticated as bot " + botName + " (" + botId + ")", now);
        } catch (RuntimeException e) {
            last = new Check(false, "Notion not reachable with the configured token: " + e.getMessage(), now);
        }
        return last;
    }
}
