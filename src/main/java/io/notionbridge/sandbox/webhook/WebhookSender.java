package io.notionbridge.sandbox.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.PageChange;
import io.notionbridge.sandbox.model.SandboxIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers integration webhooks like Notion: on subscribe the verification handshake ({@code {"verification_token":…}}),
 * then one signed event per page change; a receiver that does not answer 2xx gets the event again with the next
 * {@code attempt_number}, up to the configured attempts with exponential backoff; optionally some events twice and
 * batches shuffled. Every POST is recorded for tests and the admin API.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final SandboxIdentity identity;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Random random;
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> held = new ArrayList<>();
    private volatile WebhookSubscription subscription;
    private ScheduledFuture<?> flush;

    public WebhookSender(SandboxIdentity identity, long seed) {
        this.identity = identity;
        this.random = new Random(seed);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notion-sandbox-webhooks");
            t.setDaemon(true);
            return t;
        });
    }

    /** Subscribes {@code options.url()} and sends the verification handshake to it. */
    public WebhookSubscription subscribe(WebhookOptions options) {
        WebhookSubscription sub = new WebhookSubscription(NotionIds.newId(), options);
        this.subscription = sub;
        ObjectNode handshake = Json.object().put("verification_token", options.verificationToken());
        scheduler.execute(() -> post(sub, handshake, "verification", "", 1, false));
        LOG.info("Notion sandbox: webhook subscription {} to {}", sub.id(), options.url());
        return sub;
    }

    public Optional<WebhookSubscription> subscription() {
        return Optional.ofNullable(subscription);
    }

    public void unsubscribe() {
        subscription = null;
        synchronized (held) {
            held.clear();
        }
    }

    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public void clearDeliveries() {
        deliveries.clear();
    }

    /** Called for every page change; sends an event when there is a subscription. */
    public void onChange(PageChange change) {
        WebhookSubscription sub = subscription;
        if (sub == null) {
            return;
        }
        ObjectNode event = WebhookEventFactory.event(change, identity, sub.id(), sub.options().apiVersion());
        List<ObjectNode> events = new ArrayList<>();
        events.add(event);
        if (sub.options().duplicateProbability() > 0 && nextDouble() < sub.options().duplicateProbability()) {
            events.add(event.deepCopy());
        }
        if (sub.options().reorderBatch() > 1) {
            hold(sub, events);
        } else {
            events.forEach(e -> scheduler.execute(() -> attempt(sub, e, 1)));
        }
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private void hold(WebhookSubscription sub, List<ObjectNode> events) {
        synchronized (held) {
            held.addAll(events);
            if (held.size() >= sub.options().reorderBatch()) {
                release(sub);
            } else if (flush == null || flush.isDone()) {
                flush = scheduler.schedule(() -> {
                    synchronized (held) {
                        release(sub);
                    }
                }, sub.options().reorderHold().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void release(WebhookSubscription sub) {
        List<ObjectNode> batch = new ArrayList<>(held);
        held.clear();
        synchronized (this) {
            Collections.shuffle(batch, random);
        }
        batch.forEach(e -> scheduler.execute(() -> attempt(sub, e, 1)));
    }

    private void attempt(WebhookSubscription sub, ObjectNode event, int attempt) {
        if (subscription != sub) {
            return;
        }
        ObjectNode body = WebhookEventFactory.withAttempt(event, attempt);
        boolean ok = post(sub, body, event.path("type").asText(), event.path("id").asText(), attempt, true);
        if (!ok && attempt < sub.options().maxAttempts()) {
            long delay = sub.options().retryBaseDelay().toMillis() * (1L << (attempt - 1));
            scheduler.schedule(() -> attempt(sub, event, attempt + 1), delay, TimeUnit.MILLISECONDS);
        } else if (!ok) {
            LOG.warn("Notion sandbox: webhook event {} ({}) not acknowledged after {} attempts; giving up",
                    event.path("id").asText(), event.path("type").asText(), attempt);
        }
    }

    /** POSTs one signed body; true on a 2xx answer. Runs on the sender's thread. */
    private boolean post(WebhookSubscription sub, ObjectNode body, String type, String eventId, int attempt,
                         boolean event) {
        byte[] raw = Json.write(body).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(sub.options().url()))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("User-Agent", "notion-api")
                .header(WebhookSigner.HEADER, WebhookSigner.sign(sub.options().verificationToken(), raw))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw))
                .build();
        int status = 0;
        String error = null;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        WebhookDelivery d = new WebhookDelivery(Instant.now(), eventId, type, attempt, status, error);
        deliveries.add(d);
        if (!d.succeeded()) {
            LOG.debug("Notion sandbox: webhook {} {} attempt {} got {}", type, eventId, attempt,
                    error != null ? error : status);
        }
        return d.succeeded() || !event;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
