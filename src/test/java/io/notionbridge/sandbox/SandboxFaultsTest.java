package io.notionbridge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.sandbox.limit.RateLimitSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limiting, injected faults and the admin API over HTTP. */
class SandboxFaultsTest {

    NotionSandbox sandbox;
    SandboxClient api;
    SandboxClient admin;

    @BeforeEach
    void start() {
        sandbox = NotionSandbox.start(SandboxOptions.builder().noRateLimit().build());
        api = new SandboxClient(sandbox, "2025-09-03");
        admin = new SandboxClient(sandbox.baseUrl(), null, null);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void overTheBurstGets429WithRetryAfter() {
        sandbox.rateLimiter().configure(RateLimitSettings.average(3, 5));
        int ok = 0;
        SandboxClient.Response limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            SandboxClient.Response r = api.get("/v1/users/me");
            if (r.status() == 429) {
                limited = r;
            } else {
                ok++;
            }
        }
        assertTrue(limited != null, "the 429 came");
        assertTrue(ok >= 5, "the burst passed first");
        assertEquals("rate_limited", limited.body().path("code").asText());
        assertEquals("You have been rate limited. Please try again in a few minutes.", limited.body().path("message").asText());
        assertEquals("public_api_request_rate_limit", limited.body().path("additional_data").path("rate_limit_reason").asText());
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1);
        assertEquals(String.valueOf(retryAfter), limited.body().path("additional_data").path("retry_after").asText());
        assertTrue(sandbox.requestLog().count(429) >= 1);
        assertEquals(200, admin.get("/_sandbox/counters").status(), "the admin API is never rate limited");
    }

    @Test
    void workspaceLimitCanAskForMoreThanAMinute() {
        admin.post("/_sandbox/rate-limit", SandboxClient.json(
                "{\"mode\":\"off\",\"workspace\":{\"budget\":2,\"window_seconds\":300}}"));
        api.get("/v1/users/me");
        api.get("/v1/users/me");
        SandboxClient.Response r = api.get("/v1/users/me");
        assertEquals(429, r.status());
        assertEquals("public_api_space_request_rate_limit",
                r.body().path("additional_data").path("rate_limit_reason").asText());
        assertTrue(Integer.parseInt(r.header("Retry-After")) > 60);
    }

    @Test
    void statusFaultForTheNextNRequestsOnAPath() {
        SandboxClient.Response added = admin.post("/_sandbox/faults",
                SandboxClient.json("{\"path\":\"/v1/pages/{id}\",\"method\":\"GET\",\"status\":503,\"count\":2}"));
        assertEquals(200, added.status(), added.raw().body());
        String path = "/v1/pages/" + DemoData.PROJECT_WITH_MANY_ACTIONS_ID;
        assertEquals(200, api.get("/v1/users/me").status(), "other paths are untouched");
        SandboxClient.Response first = api.get(path);
        assertEquals(503, first.status());
        assertEquals("service_unavailable", first.body().path("code").asText());
        assertEquals(503, api.get(path).status());
        assertEquals(200, api.get(path).status(), "the fault is spent after 2");
        assertEquals(0, admin.get("/_sandbox/faults").body().size());
    }

    @Test
    void eachInjectableStatusHasNotionsCode() {
        String[][] cases = {{"409", "conflict_error"}, {"500", "internal_server_error"}, {"502", "bad_gateway"},
                {"504", "gateway_timeout"}, {"529", "service_overload"}};
        for (String[] c : cases) {
            sandbox.faults().failNext("GET", "/v1/users/me", Integer.parseInt(c[0]), 1);
            SandboxClient.Response r = api.get("/v1/users/me");
            assertEquals(Integer.parseInt(c[0]), r.status());
            assertEquals(c[1], r.body().path("code").asText());
        }
    }

    @Test
    void committedThen503ReallyCommits() {
        sandbox.faults().committedThen503Next("POST", "/v1/pages", 1);
        String title = "Committed " + System.nanoTime();
        SandboxClient.Response r = api.post("/v1/pages", SandboxWriteTest.crmPage(title, ""));
        assertEquals(503, r.status());
        assertEquals("service_unavailable", r.body().path("code").asText());
        assertEquals("Do not repeat the write", r.body().path("additional_data").path("retry_guidance").path(1).asText());
        String committedId = r.body().path("additional_data").path("committed_resource_id").asText();
        JsonNode found = api.post("/v1/data_sources/" + DemoData.CRM_DATA_SOURCE_ID + "/query", SandboxClient.json(
                "{\"filter\":{\"property\":\"Name\",\"title\":{\"equals\":\"" + title + "\"}}}")).body();
        assertEquals(1, found.path("results").size(), "the write was applied");
        assertEquals(committedId, found.path("results").path(0).path("id").asText());
    }

    @Test
    void droppedConnectionGetsNoResponse() {
        // a POST: the JDK client transparently retries an idempotent GET once on a dropped keep-alive connection
        sandbox.faults().dropNext("POST", "/v1/search", 1);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> api.post("/v1/search", SandboxClient.json("{}")));
        assertTrue(e.getCause() instanceof IOException);
        assertEquals(200, api.post("/v1/search", SandboxClient.json("{}")).status());
        assertEquals("drop", sandbox.requestLog().entries().get(0).fault());
    }

    @Test
    void latencyIsAdded() {
        admin.post("/_sandbox/faults", SandboxClient.json("{\"path\":\"/v1/users/me\",\"latency_ms\":300,\"count\":1}"));
        long t0 = System.nanoTime();
        assertEquals(200, api.get("/v1/users/me").status());
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 290);
    }

    @Test
    void rateFaultHitsAboutThatShare() {
        sandbox.faults().add(SandboxClient.json("{\"path\":\"/v1/users/me\",\"status\":500,\"rate\":0.5}"));
        AtomicLong errors = new AtomicLong();
        for (int i = 0; i < 100; i++) {
            if (api.get("/v1/users/me").status() == 500) {
                errors.incrementAndGet();
            }
        }
        assertTrue(errors.get() > 25 && errors.get() < 75, "about half failed: " + errors.get());
    }

    @Test
    void afterLetsTheFirstMatchingRequestsThroughThenTheRuleFires() {
        admin.post("/_sandbox/faults", SandboxClient.json(
                "{\"path\":\"/v1/users/me\",\"status\":429,\"retry_after\":120,\"after\":2,\"count\":2}"));
        assertEquals(2, admin.get("/_sandbox/faults").body().get(0).path("after").asInt(),
                "the rule lists how many requests it still lets through");
        assertEquals(200, api.get("/v1/users/me").status());
        assertEquals(200, api.get("/v1/pages/" + DemoData.PROJECT_WITH_MANY_ACTIONS_ID).status(), "other paths do not count");
        assertEquals(200, api.get("/v1/users/me").status());
        SandboxClient.Response storm = api.get("/v1/users/me");
        assertEquals(429, storm.status());
        assertEquals("120", storm.header("Retry-After"));
        assertEquals(429, api.get("/v1/users/me").status());
        assertEquals(200, api.get("/v1/users/me").status(), "spent after its count");
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().add(SandboxClient.json(
                "{\"status\":500,\"after\":-1}")));
    }

    @Test
    void reseedingRepeatsTheSameDrawsAndTheLogCountsFaultsPerKind() {
        sandbox.faults().add(SandboxClient.json("{\"path\":\"/v1/users/me\",\"status\":502,\"rate\":0.2}"));
        sandbox.faults().add(SandboxClient.json("{\"path\":\"/v1/users/me\",\"status\":504,\"rate\":0.2}"));
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        sandbox.faults().reseed(7);
        for (int i = 0; i < 40; i++) {
            first.append(api.get("/v1/users/me").status()).append(' ');
        }
        java.util.Map<String, Long> kinds = sandbox.requestLog().faultCounts();
        sandbox.faults().reseed(7);
        for (int i = 0; i < 40; i++) {
            second.append(api.get("/v1/users/me").status()).append(' ');
        }
        assertEquals(first.toString(), second.toString(), "same seed, same faults on the same requests");
        assertTrue(first.toString().contains("502") && first.toString().contains("504"), first.toString());
        long n502 = first.toString().split("502", -1).length - 1;
        assertEquals(n502, kinds.get("status 502"));
        assertEquals(2 * n502, admin.get("/_sandbox/counters").body().path("by_fault").path("status 502").asLong());
    }

    @Test
    void aMixTakesItsFaultsInTurnAndGivesReadsNoCommittedThen503() {
        JsonNode listed = admin.post("/_sandbox/faults", SandboxClient.json("{\"mix\":[{\"status\":500},"
                + "{\"committed_then_503\":true},{\"status\":504}]}")).body().get(0);
        assertEquals("mix", listed.path("type").asText());
        assertEquals(3, listed.path("mix").size());
        StringBuilder reads = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            reads.append(api.get("/v1/users/me").status()).append(' ');
        }
        assertEquals("500 504 500 ", reads.toString(), "a read skips the committed-then-503 turn");
        SandboxClient.Response committed = api.post("/v1/pages", SandboxWriteTest.crmPage("Mixed " + System.nanoTime(), ""));
        assertEquals(503, committed.status(), "a create gets its committed-then-503 turn");
        assertTrue(committed.body().path("additional_data").has("committed_resource_id"));
        assertEquals(504, api.post("/v1/pages", SandboxWriteTest.crmPage("Mixed again", "")).status());
        assertEquals(java.util.Map.of("status 500", 2L, "status 504", 2L, "committed_then_503", 1L),
                sandbox.requestLog().faultCounts());
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().add(SandboxClient.json(
                "{\"mix\":[{\"latency_ms\":100}]}")));
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().add(SandboxClient.json("{\"mix\":[]}")));
    }

    @Test
    void theLogRecordsWhenEachRequestArrivedByTheSandboxClock() {
        sandbox.clock().freezeAt(java.time.Instant.parse("2026-07-01T10:00:00Z"));
        api.get("/v1/users/me");
        sandbox.clock().advance(java.time.Duration.ofSeconds(120));
        api.get("/v1/users/me");
        assertEquals(java.time.Instant.parse("2026-07-01T10:00:00Z"), sandbox.requestLog().entries().get(0).sandboxTime());
        assertEquals("2026-07-01T10:02:00Z", admin.get("/_sandbox/requests").body().get(1).path("sandbox_time").asText());
    }

    @Test
    void requestLogAndCountersAreReadable() {
        api.get("/v1/users/me");
        api.get("/v1/pages/" + DemoData.PROJECT_WITH_MANY_ACTIONS_ID);
        api.withToken("bad").get("/v1/users/me");
        JsonNode log = admin.get("/_sandbox/requests").body();
        assertEquals(3, log.size());
        assertEquals("GET /v1/pages/{id}", log.get(1).path("endpoint").asText());
        assertEquals(401, log.get(2).path("status").asInt());
        JsonNode counters = admin.get("/_sandbox/counters").body();
        assertEquals(3, counters.path("total").asInt());
        assertEquals(1, counters.path("by_endpoint").path("GET /v1/users/me").path("401").asInt());
        admin.post("/_sandbox/reset", SandboxClient.json("{}"));
        assertEquals(0, admin.get("/_sandbox/counters").body().path("total").asInt());
    }

    @Test
    void clockCanBeSetAndAdvancedThroughTheAdminApi() {
        admin.post("/_sandbox/clock", SandboxClient.json("{\"set\":\"2026-01-01T10:00:30Z\",\"freeze\":true}"));
        JsonNode c = admin.post("/_sandbox/clock", SandboxClient.json("{\"advance_seconds\":90}")).body();
        assertEquals("2026-01-01T10:02:00Z", c.path("now").asText());
        assertTrue(c.path("frozen").asBoolean());
        JsonNode page = api.post("/v1/pages", SandboxWriteTest.crmPage("Clock", "")).body();
        assertEquals("2026-01-01T10:02:00.000Z", page.path("created_time").asText());
    }

    @Test
    void seedHelperCreatesPagesWithoutRateLimit() {
        sandbox.rateLimiter().configure(RateLimitSettings.window(1));
        JsonNode r = admin.post("/_sandbox/seed/pages", SandboxClient.json("{\"data_source_id\":\""
                + DemoData.ACTIONS_DATA_SOURCE_ID + "\",\"count\":500}")).body();
        assertEquals(500, r.path("created").asInt());
        assertEquals(0, sandbox.rateLimiter().limitedCount());
    }
}
