package io.notionbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionObjectNotFoundException;
import io.notionbridge.notion.error.NotionOutcomeUnknownException;
import io.notionbridge.notion.error.NotionRateLimitedException;
import io.notionbridge.notion.error.NotionUnavailableException;
import io.notionbridge.notion.error.NotionValidationException;
import io.notionbridge.notion.pagination.NotionPaginationException;
import io.notionbridge.notion.pagination.PaginationSummary;
import io.notionbridge.notion.pagination.Paginator;
import io.notionbridge.notion.property.PropertiesBuilder;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.limit.RateLimitSettings;
import io.notionbridge.sandbox.observe.RequestLogEntry;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Test;

/** The gateway route through Camel Main against the sandbox: each promise of the gateway, one test. */
class GatewayRouteTest extends BridgeRouteTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void extraProperties(Properties p) {
        fastSandbox(p);
        p.setProperty("bridge.notion.rate-limit", "200");
        p.setProperty("bridge.notion.backoff.base-ms", "20");
        p.setProperty("bridge.notion.backoff.max-ms", "100");
        p.setProperty("bridge.notion.breaker.window", "4");
        p.setProperty("bridge.notion.breaker.minimum-calls", "4");
        p.setProperty("bridge.notion.breaker.open-seconds", "1");
        p.setProperty("bridge.notion.breaker.half-open-calls", "1");
    }

    private NotionSandbox sandbox() {
        return context.getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
    }

    private NotionClient client() {
        return context.getRegistry().lookupByNameAndType("notionClient", NotionClient.class);
    }

    private long requests(String method, String endpointPrefix) {
        return sandbox().requestLog().entries(e -> e.method().equals(method) && e.path().startsWith(endpointPrefix)).size();
    }

    private ObjectNode crmProperties(String name) {
        return new PropertiesBuilder().title("Name", name).richText("Canonical Key", "domain:" + name + ".test").build();
    }

    @Test
    void typedRequestGoesThroughTheRouteAndAnswersJsonInTheConfiguredVersion() {
        JsonNode me = template.requestBody(NotionClient.GATEWAY, NotionRequest.get("/v1/users/me"), JsonNode.class);
        assertThat(me.path("object").asText()).isEqualTo("user");
        assertThat(me.path("type").asText()).isEqualTo("bot");
        JsonNode page = client().createPageInDatabase(DemoData.CRM_DATABASE_ID, crmProperties("versioned"));
        assertThat(page.has("in_trash")).isTrue();
        assertThat(page.has("archived")).as("2026-03-11 pages carry in_trash only").isFalse();
        assertThat(requests("GET", "/v1/users/me")).isEqualTo(1);
    }

    @Test
    void dataSourceIsResolvedOnceAndPagesAreCreatedUnderIt() {
        JsonNode a = client().createPageInDatabase(DemoData.CRM_DATABASE_ID, crmProperties("alpha"));
        client().createPageInDatabase(DemoData.CRM_DATABASE_ID.replace("-", ""), crmProperties("beta"));
        assertThat(a.path("parent").path("type").asText()).isEqualTo("data_source_id");
        assertThat(a.path("parent").path("data_source_id").asText()).isEqualTo(DemoData.CRM_DATA_SOURCE_ID);
        assertThat(requests("GET", "/v1/databases/")).as("database retrieved once, then cached").isEqualTo(1);
    }

    @Test
    void readsAreRetriedOn5xxUntilTheySucceed() {
        sandbox().faults().failNext("GET", "/v1/users/me", 503, 1);
        sandbox().faults().failNext("GET", "/v1/users/me", 502, 1);
        JsonNode me = client().call(NotionRequest.get("/v1/users/me"));
        assertThat(me.path("type").asText()).isEqualTo("bot");
        assertThat(sandbox().requestLog().entries(e -> e.path().equals("/v1/users/me")).stream().map(RequestLogEntry::status))
                .containsExactly(503, 502, 200);
    }

    @Test
    void aWriteThatMayHaveCommittedIsNeverRepeated() {
        sandbox().faults().committedThen503Next("POST", "/v1/pages", 1);
        assertThatThrownBy(() -> client().createPageInDatabase(DemoData.CRM_DATABASE_ID, crmProperties("once")))
                .isInstanceOf(NotionOutcomeUnknownException.class);
        assertThat(requests("POST", "/v1/pages")).as("no blind retry").isEqualTo(1);
        ObjectNode query = NotionJson.object();
        query.putObject("filter").put("property", "Name").putObject("title").put("equals", "once");
        List<JsonNode> found = new ArrayList<>();
        client().forEachResult(DemoData.CRM_DATA_SOURCE_ID, query, found::add);
        assertThat(found).as("the write did commit, exactly once").hasSize(1);
    }

    @Test
    void notionErrorsBecomeTypedExceptionsWithTheRequestId() {
        assertThatThrownBy(() -> client().retrievePage("00000000-0000-4000-8000-000000000000"))
                .isInstanceOfSatisfying(NotionObjectNotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo("object_not_found");
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(sandbox().requestLog().entries(x -> e.requestId().equals(x.requestId()))).hasSize(1);
                });
        ObjectNode bad = NotionJson.object();
        bad.putObject("No Such Property").putArray("rich_text");
        assertThatThrownBy(() -> client().createPageInDatabase(DemoData.CRM_DATABASE_ID, bad))
                .isInstanceOf(NotionValidationException.class).hasMessageContaining("validation_error");
    }

    @Test
    void a429StormPausesTrafficAndEveryRequestStillCompletes() throws Exception {
        sandbox().rateLimiter().configure(RateLimitSettings.average(4, 2));
        NotionTrafficPause pause = context.getRegistry().lookupByNameAndType("notionTrafficPause", NotionTrafficPause.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Callable<JsonNode> c = () -> client().call(NotionRequest.get("/v1/users/me"));
                calls.add(pool.submit(c));
            }
            for (Future<JsonNode> f : calls) {
                assertThat(f.get().path("type").asText()).isEqualTo("bot");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox().requestLog().count(429)).as("the sandbox did limit").isPositive();
        assertThat(pause.pauses()).as("each 429 paused all traffic").isPositive();
        assertThat(pause.waitedMillis()).isGreaterThanOrEqualTo(900);
        assertThat(sandbox().requestLog().count(200)).isEqualTo(16);
    }

    @Test
    void aRetryAfterIsWaitedOutAndTheCallContinues() {
        ObjectNode fault = NotionJson.object().put("method", "GET").put("path", "/v1/users/me").put("status", 529)
                .put("count", 1).put("retry_after", 2);
        sandbox().faults().add(fault);
        long started = System.nanoTime();
        JsonNode me = client().call(NotionRequest.get("/v1/users/me"));
        assertThat(me.path("type").asText()).isEqualTo("bot");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aBlockedIntegrationIsNotRetried() {
        ObjectNode fault = NotionJson.object().put("method", "GET").put("path", "/v1/users/me").put("status", 429)
                .put("count", 1).put("reason", "public_api_request_blocked");
        sandbox().faults().add(fault);
        assertThatThrownBy(() -> client().call(NotionRequest.get("/v1/users/me")))
                .isInstanceOfSatisfying(NotionRateLimitedException.class, e -> assertThat(e.isBlocked()).isTrue());
        assertThat(requests("GET", "/v1/users/me")).isEqualTo(1);
    }

    @Test
    void theBreakerOpensOnSustainedFailuresRejectsFastAndClosesAfterAProbe() throws Exception {
        CircuitBreaker breaker = context.getRegistry().lookupByNameAndType("notionCircuitBreaker", CircuitBreaker.class);
        sandbox().faults().failNext("GET", "/v1/pages/{id}", 500, 100);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client().retrievePage(DemoData.ROOT_PAGE_ID)).isInstanceOf(NotionUnavailableException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        HttpResponse<String> health = get(managementPort, "/observe/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("notion-breaker");

        long before = sandbox().requestLog().total();
        assertThatThrownBy(() -> client().retrievePage(DemoData.ROOT_PAGE_ID))
                .isInstanceOfSatisfying(NotionUnavailableException.class,
                        e -> assertThat(e.code()).isEqualTo(NotionClient.CIRCUIT_OPEN));
        assertThat(sandbox().requestLog().total()).as("rejected without a request").isEqualTo(before);

        sandbox().faults().clear();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (breaker.getState() != CircuitBreaker.State.HALF_OPEN && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(client().retrievePage(DemoData.ROOT_PAGE_ID).path("object").asText()).isEqualTo("page");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void paginationFollowsCursorsToTheEndAndSplitsPastTheCap() {
        String ds = DemoData.ACTIONS_DATA_SOURCE_ID;
        sandbox().clock().advance(Duration.ofMinutes(30));
        sandbox().seedPages(ds, 5_025, null);
        sandbox().clock().advance(Duration.ofMinutes(10));
        sandbox().seedPages(ds, 5_025, null);
        List<JsonNode> all = new ArrayList<>();
        PaginationSummary s = client().forEachResult(ds, NotionJson.object(), all::add);
        long distinct = all.stream().map(p -> p.path("id").asText()).distinct().count();
        assertThat(distinct).isEqualTo(all.size());
        assertThat(distinct).isGreaterThan(10_050);
        assertThat(s.windows()).as("the 10,000-result cap was split into created_time windows").isPositive();
        assertThat(sandbox().requestLog().entries(e -> e.path().endsWith("/query"))).allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void aRepeatedCursorFailsLoudlyInsteadOfLooping() {
        sandbox().seedPages(DemoData.RISKS_DATA_SOURCE_ID, 250, null);
        String[] first = new String[1];
        Paginator p = Paginator.of(NotionRequest.query(DemoData.RISKS_DATA_SOURCE_ID, NotionJson.object()), req -> {
            JsonNode page = client().call(req);
            if (first[0] == null) {
                first[0] = page.path("next_cursor").asText();
                return page;
            }
            ((ObjectNode) page).put("next_cursor", first[0]);
            return page;
        });
        assertThatThrownBy(() -> p.forEachPage(page -> { })).isInstanceOf(NotionPaginationException.class)
                .hasMessageContaining(first[0]);
    }

    @Test
    void healthShowsTheNotionCheckWithTheBotAndTheBreaker() throws Exception {
        HttpResponse<String> r = get(managementPort, "/observe/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode checks = json.readTree(r.body()).get("checks");
        assertThat(checks.findValuesAsText("name")).contains("notion", "notion-breaker", "store");
        NotionIdentity identity = context.getRegistry().lookupByNameAndType("notionIdentity", NotionIdentity.class);
        assertThat(identity.botId()).isEqualTo(sandbox().store().bot().id());
    }
}
