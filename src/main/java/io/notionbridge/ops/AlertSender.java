package io.notionbridge.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.notionbridge.store.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an alert to the configured webhook as Slack-compatible JSON ({@code {"text": "..."}}, which Slack, Mattermost,
 * Rocket.Chat and Teams' Slack-compatible connectors accept). Off when no URL is configured. A failed post is logged,
 * never thrown: alerting must not break the job that raised it.
 */
public class AlertSender {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSender.class);

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AlertSender(String url) {
        this.url = url == null || url.isBlank() ? null : url.trim();
    }

    public boolean enabled() {
        return url != null;
    }

    /** Sends {@code text}; returns whether the webhook accepted it. */
    public boolean send(String text) {
        if (url == null) {
            return false;
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JobRuns.JSON.writeValueAsString(Map.of("text", text))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                LOG.warn("Alert webhook answered {}; the alert was: {}", r.statusCode(), text);
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.warn("Alert webhook unreachable ({}); the alert was: {}", e.getMessage(), text);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
