package io.notionbridge.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.admin.AdminControlApi;
import io.notionbridge.sandbox.admin.AdminDataApi;
import io.notionbridge.sandbox.demo.DemoDataLoader;
import io.notionbridge.sandbox.fault.FaultInjector;
import io.notionbridge.sandbox.http.SandboxServer;
import io.notionbridge.sandbox.http.SandboxServices;
import io.notionbridge.sandbox.limit.RateLimiter;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.PageParent;
import io.notionbridge.sandbox.model.PageRecord;
import io.notionbridge.sandbox.model.RichText;
import io.notionbridge.sandbox.model.SandboxIdentity;
import io.notionbridge.sandbox.model.SandboxUser;
import io.notionbridge.sandbox.observe.RequestLog;
import io.notionbridge.sandbox.query.FilterEvaluator;
import io.notionbridge.sandbox.render.DatabaseRenderer;
import io.notionbridge.sandbox.render.PageRenderer;
import io.notionbridge.sandbox.store.SandboxStore;
import io.notionbridge.sandbox.webhook.WebhookOptions;
import io.notionbridge.sandbox.webhook.WebhookSender;
import io.notionbridge.sandbox.webhook.WebhookSubscription;
import io.notionbridge.sandbox.write.DatabaseFactory;
import io.notionbridge.sandbox.write.PageService;
import io.notionbridge.sandbox.write.SchemaFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Notion sandbox: an in-process HTTP server that emulates the Notion API (see {@code docs/sandbox.md}). Start it
 * with {@link #start(SandboxOptions)}, point a Notion client at {@link #baseUrl()} with {@link #token()}, and
 * {@link #close()} it when done. Tests and benchmarks reach its parts directly: the {@link #store()}, the settable
 * {@link #clock()}, the {@link #faults()}, the {@link #rateLimiter()}, the {@link #requestLog()} and the
 * {@link #webhooks()}.
 */
public final class NotionSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotionSandbox.class);

    private final SandboxOptions options;
    private final SandboxClock clock;
    private final SandboxStore store;
    private final PageService pages;
    private final DatabaseFactory databases;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final RequestLog requestLog;
    private final WebhookSender webhooks;
    private final Vertx vertx;
    private final SandboxServer server;
    private final int port;

    private NotionSandbox(SandboxOptions options) {
        this.options = options;
        this.clock = new SandboxClock(options.clock());
        this.store = new SandboxStore(SandboxIdentity.DEFAULT);
        this.pages = new PageService(store, clock);
        SchemaFactory schemas = new SchemaFactory(
                ds -> store.dataSource(ds).map(d -> d.databaseId),
                db -> store.database(db).filter(d -> !d.dataSourceIds.isEmpty()).map(d -> d.dataSourceIds.get(0)));
        this.databases = new DatabaseFactory(store, schemas, clock);
        this.rateLimiter = new RateLimiter(options.rateLimit());
        this.faults = new FaultInjector(options.randomSeed());
        options.faults().forEach(faults::add);
        this.requestLog = new RequestLog(options.requestLogCapacity());
        this.webhooks = new WebhookSender(store.identity(), options.randomSeed());
        pages.onChange(webhooks::onChange);
        if (options.demoData()) {
            loadDemoData();
        }
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2));
        SandboxServices services = new SandboxServices(options.token(), store, clock, pages, schemas,
                new PageRenderer(store, "https://app.notion.com/p/"), new DatabaseRenderer(store, "https://app.notion.com/p/"),
                new FilterEvaluator(clock), rateLimiter, faults, requestLog, this::baseUrl);
        try {
            this.server = new SandboxServer(vertx, services,
                    List.of(new AdminControlApi(this)::register, new AdminDataApi(this)::register));
            this.port = server.start(options.host(), options.port());
        } catch (RuntimeException e) {
            vertx.close();
            webhooks.close();
            throw e;
        }
        if (options.webhook() != null) {
            webhooks.subscribe(options.webhook());
        }
    }

    /** Starts a sandbox; it listens when this returns. */
    public static NotionSandbox start(SandboxOptions options) {
        NotionSandbox sandbox = new NotionSandbox(options);
        LOG.info("Notion sandbox listening on {} ({} pages, rate limit {})", sandbox.baseUrl(), sandbox.store.pageCount(),
                options.rateLimit().describe());
        return sandbox;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}; Notion clients use it where they would use {@code https://api.notion.com}. */
    public String baseUrl() {
        return "http://" + options.host() + ":" + port;
    }

    /** The bot token the sandbox accepts ({@code Authorization: Bearer <token>}). */
    public String token() {
        return options.token();
    }

    public SandboxOptions options() {
        return options;
    }

    public SandboxClock clock() {
        return clock;
    }

    public SandboxStore store() {
        return store;
    }

    public PageService pages() {
        return pages;
    }

    public DatabaseFactory databases() {
        return databases;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public WebhookSender webhooks() {
        return webhooks;
    }

    /** Subscribes a webhook receiver; the sandbox sends the verification handshake to it. */
    public WebhookSubscription subscribeWebhook(WebhookOptions webhook) {
        return webhooks.subscribe(webhook);
    }

    /**
     * Creates {@code count} pages in a data source at once, outside the HTTP API (no rate limit, no request log, no
     * webhooks). {@code properties} gives each page's properties in API write form (null: only a title
     * "Seed page N").
     */
    public List<String> seedPages(String dataSourceId, int count, IntFunction<JsonNode> properties) {
        String titleName = store.dataSource(dataSourceId).orElseThrow(() -> new IllegalArgumentException(
                "no data source " + dataSourceId)).titleProperty().path("name").asText();
        List<String> ids = new ArrayList<>(count);
        Instant now = clock.instant();
        for (int i = 0; i < count; i++) {
            JsonNode props = properties == null ? null : properties.apply(i);
            ObjectNode p = props == null ? Json.object() : (ObjectNode) props.deepCopy();
            if (!p.has(titleName)) {
                p.putObject(titleName).set("title", Json.array().add(Json.object().set("text",
                        Json.object().put("content", "Seed page " + (i + 1)))));
            }
            ids.add(pages.create(NotionIds.newId(), PageParent.dataSource(dataSourceId), p, null, null, store.bot(), now,
                    false).id);
        }
        return ids;
    }

    /**
     * Edits a page as a person in the Notion UI would: the page's {@code last_edited_by} and the webhook event's
     * author are that person, not the bot. {@code update} is a PATCH body (properties, in_trash).
     */
    public PageRecord editAsPerson(String pageId, String userId, JsonNode update) {
        SandboxUser person = person(userId);
        JsonNode inTrash = update.get("in_trash");
        return pages.update(pageId, new PageService.Update(update.get("properties"),
                inTrash == null || inTrash.isNull() ? null : inTrash.asBoolean(), update.get("icon"), update.get("cover"),
                null, null), person);
    }

    /** Creates a page as a person in the Notion UI would (webhook author: the person). */
    public PageRecord createAsPerson(String dataSourceId, String userId, JsonNode properties) {
        return pages.create(PageParent.dataSource(dataSourceId), properties, null, null, person(userId), true);
    }

    private SandboxUser person(String userId) {
        String id = NotionIds.normalize(userId).orElseThrow(() -> new IllegalArgumentException("not a user id: " + userId));
        SandboxUser u = store.user(id).orElseThrow(() -> new IllegalArgumentException("no user " + id));
        if (u.bot()) {
            throw ApiError.validation("user " + id + " is the bot; UI edits are made by a person");
        }
        return u;
    }

    /** Clears faults, the request log and counters, webhook deliveries; with {@code data}, reloads the demo data. */
    public void reset(boolean data) {
        faults.clear();
        faults.resetCount();
        requestLog.reset();
        rateLimiter.configure(rateLimiter.settings());
        rateLimiter.resetCount();
        webhooks.clearDeliveries();
        if (data) {
            store.clear();
            if (options.demoData()) {
                loadDemoData();
            }
        }
    }

    private void loadDemoData() {
        int n = new DemoDataLoader(store, pages, databases, clock).load();
        LOG.debug("Notion sandbox: demo data loaded ({} pages)", n);
    }

    /** Title of a page as plain text (for logs and tests). */
    public static String titleOf(PageRecord page) {
        return RichText.plain(page.values.get("title"));
    }

    @Override
    public void close() {
        server.stop();
        webhooks.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("Notion sandbox: Vert.x did not close cleanly: {}", e.toString());
        }
        LOG.info("Notion sandbox on port {} stopped", port);
    }
}
