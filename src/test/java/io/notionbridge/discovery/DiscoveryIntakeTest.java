package io.notionbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** POST /api/signals through the runtime: stored all or nothing, duplicates acknowledged, clear 400 and 413 answers. */
@Tag("db")
class DiscoveryIntakeTest extends BridgeRouteTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void extraProperties(Properties p) {
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.scheduler.enabled", "false");
        p.setProperty("bridge.sandbox.rate-limit", "off");
        p.setProperty("bridge.notion.rate-limit", "1000");
        p.setProperty("bridge.discovery.demo-feed", "false");
        p.setProperty("bridge.signals.max-body-bytes", "4000");
        p.setProperty("bridge.signals.max-batch-size", "5");
    }

    private HttpResponse<String> send(String body) throws Exception {
        return post(httpPort, "/api/signals", body, "Content-Type", "application/json");
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String signal(String type, String source, String website, double confidence, String detectedAt) {
        return "{\"signal_type\":\"" + type + "\",\"source_api\":\"" + source + "\",\"company_name\":\"Acme AI\",\"confidence\":"
                + confidence + ",\"website\":\"" + website + "\"" + (detectedAt == null ? "" : ",\"detected_at\":\"" + detectedAt + "\"")
                + ",\"raw_data\":{\"stars\":120}}";
    }

    @Test
    void oneSignalIsStoredPendingAndAnsweredWithItsKey() throws Exception {
        HttpResponse<String> r = send(signal("github_star_spike", "github", "https://www.Acme.ai/pricing", 0.8,
                "2026-07-01T09:30:00Z"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("duplicates").asInt()).isZero();
        JsonNode s = body.get("signals").get(0);
        assertThat(s.get("canonical_key").asText()).isEqualTo("domain:acme.ai");
        assertThat(s.get("key_strength").asText()).isEqualTo("strong");
        assertThat(s.get("duplicate").asBoolean()).isFalse();
        assertThat(s.get("known_in_crm").asBoolean()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM signals WHERE id = " + s.get("id").asLong()
                + " AND signal_type = 'github_star_spike' AND raw_data LIKE '%stars%'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM signal_processing WHERE state = 'pending' AND signal_id = " + s.get("id").asLong()))
                .isEqualTo(1);
    }

    @Test
    void aStoredSignalIsAcknowledgedNotStoredTwice() throws Exception {
        String batch = "[" + signal("github_star_spike", "github", "acme.ai", 0.8, "2026-07-01T09:30:00Z") + ","
                + signal("funding_post", "news", "acme.ai", 0.6, "2026-07-02T10:00:00+02:00") + "]";
        JsonNode first = json.readTree(send(batch).body());
        HttpResponse<String> again = send("[" + signal("GitHub_Star_Spike", "GITHUB", "https://acme.ai", 0.9,
                "2026-07-01T11:30:00+02:00") + "," + signal("hiring_spike", "linkedin", "acme.ai", 0.5, null) + ","
                + signal("hiring_spike", "linkedin", "acme.ai", 0.5, "2026-07-03T00:00:00Z") + ","
                + signal("hiring_spike", "linkedin", "acme.ai", 0.5, "2026-07-03") + "]");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        JsonNode body = json.readTree(again.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("duplicates").asInt()).isEqualTo(2);
        JsonNode dup = body.get("signals").get(0);
        assertThat(dup.get("duplicate").asBoolean()).isTrue();
        assertThat(dup.get("id").asLong()).isEqualTo(first.get("signals").get(0).get("id").asLong());
        JsonNode inRequest = body.get("signals").get(3);
        assertThat(inRequest.get("duplicate").asBoolean()).as("same signal twice in one request").isTrue();
        assertThat(inRequest.get("id").asLong()).isEqualTo(body.get("signals").get(2).get("id").asLong());
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM signal_processing")).isEqualTo(4);

        HttpResponse<String> onlyDuplicates = send(signal("funding_post", "news", "acme.ai", 0.6, "2026-07-02T08:00:00Z"));
        assertThat(onlyDuplicates.statusCode()).isEqualTo(200);
        assertThat(json.readTree(onlyDuplicates.body()).get("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void aResendWithTheSameIdempotencyKeyGetsTheFirstAnswerAndStoresNothing() throws Exception {
        // no detected_at: without the key, each send would be a new signal stamped with its arrival time
        String body = "[" + signal("funding_post", "news", "keyed.ai", 0.7, null) + ","
                + signal("hiring_spike", "linkedin", "keyed.ai", 0.5, null) + "]";
        HttpResponse<String> first = post(httpPort, "/api/signals", body, "Content-Type", "application/json",
                "Idempotency-Key", "collector-7f3a-0001");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");

        HttpResponse<String> again = post(httpPort, "/api/signals", body, "Content-Type", "application/json",
                "Idempotency-Key", "collector-7f3a-0001");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json.readTree(again.body())).isEqualTo(json.readTree(first.body()));
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(2);

        HttpResponse<String> otherBody = post(httpPort, "/api/signals", signal("funding_post", "news", "other.ai", 0.7, null),
                "Content-Type", "application/json", "Idempotency-Key", "collector-7f3a-0001");
        assertThat(otherBody.statusCode()).as(otherBody.body()).isEqualTo(422);
        assertThat(json.readTree(otherBody.body()).get("error").asText()).isEqualTo("idempotency_key_reused");
        HttpResponse<String> badKey = post(httpPort, "/api/signals", body, "Content-Type", "application/json",
                "Idempotency-Key", "x".repeat(256));
        assertThat(badKey.statusCode()).as(badKey.body()).isEqualTo(400);
        assertThat(json.readTree(badKey.body()).get("error").asText()).isEqualTo("invalid_idempotency_key");
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(2);

        HttpResponse<String> unkeyed = send(body);
        assertThat(unkeyed.statusCode()).as("the same body without a key is new signals").isEqualTo(201);
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(4);
    }

    @Test
    void invalidItemsGetOneErrorPerFieldAndNothingIsStored() throws Exception {
        String batch = "[" + signal("github_star_spike", "github", "acme.ai", 0.8, null) + ","
                + "{\"signal_type\":\"star spike!\",\"company_name\":\"\",\"confidence\":1.5,\"detected_at\":\"yesterday\","
                + "\"raw_data\":[1]},"
                + "{\"signal_type\":\"funding_post\",\"source_api\":\"news\",\"company_name\":\"X\",\"confidence\":\"0.5\","
                + "\"canonical_key\":\"domain:localhost\"},"
                + "42]";
        HttpResponse<String> r = send(batch);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_signals");
        assertThat(body.get("message").asText()).contains("nothing was stored").contains("3 of 4");
        assertThat(body.get("errors").findValuesAsText("field")).containsExactly("signal_type", "source_api", "company_name",
                "confidence", "detected_at", "raw_data", "confidence", "item");
        assertThat(body.get("errors").get(0).get("item").asInt()).isEqualTo(1);
        assertThat(body.get("errors").get(7).get("item").asInt()).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM signals")).isZero();

        HttpResponse<String> badKey = send("{\"signal_type\":\"funding_post\",\"source_api\":\"news\",\"company_name\":\"X\","
                + "\"confidence\":0.5,\"canonical_key\":\"domain:localhost\"}");
        JsonNode e = json.readTree(badKey.body()).get("errors").get(0);
        assertThat(e.get("field").asText()).isEqualTo("canonical_key");
        assertThat(e.get("error").asText()).contains("localhost");
    }

    @Test
    void malformedJsonEmptyAndWrongShapesGet400() throws Exception {
        HttpResponse<String> r = send("[{\"signal_type\": \"a\",\n \"source_api\" \"b\"}]");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_json");
        assertThat(body.get("message").asText()).contains("line 2, column");
        assertThat(json.readTree(send("").body()).get("error").asText()).isEqualTo("invalid_json");
        assertThat(json.readTree(send("[]").body()).get("error").asText()).isEqualTo("invalid_request");
        assertThat(json.readTree(send("\"signal\"").body()).get("message").asText()).contains("got a string");
        assertThat(json.readTree(send("{} {}").body()).get("error").asText()).isEqualTo("invalid_json");
    }

    @Test
    void oversizedBodiesAndBatchesGet413NamingTheLimit() throws Exception {
        HttpResponse<String> big = send("[" + "1,".repeat(2500) + "1]");
        assertThat(big.statusCode()).isEqualTo(413);
        JsonNode body = json.readTree(big.body());
        assertThat(body.get("error").asText()).isEqualTo("payload_too_large");
        assertThat(body.get("message").asText()).contains("4,000 bytes").contains("bridge.signals.max-body-bytes");

        // no Content-Length: the body's real size counts
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/signals"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("[" + "1,".repeat(2500) + "1]").getBytes()))).build();
        HttpResponse<String> r = http.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);

        StringBuilder six = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            six.append(i == 0 ? "" : ",").append(signal("hiring_spike", "linkedin", "acme.ai", 0.5, "2026-07-0" + (i + 1)));
        }
        HttpResponse<String> many = send(six.append("]").toString());
        assertThat(many.statusCode()).isEqualTo(413);
        assertThat(json.readTree(many.body()).get("error").asText()).isEqualTo("too_many_signals");
        assertThat(count("SELECT COUNT(*) FROM signals")).isZero();
    }

    @Test
    void knownInCrmComesFromTheUnexpiredSuppressionCache() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO suppression_cache (canonical_key, key_strength, notion_page_id, cached_at, expires_at) "
                    + "VALUES ('domain:acme.ai', 'strong', 'p1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1' DAY)");
            st.executeUpdate("INSERT INTO suppression_cache (canonical_key, key_strength, notion_page_id, cached_at, expires_at) "
                    + "VALUES ('domain:old.io', 'strong', 'p2', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP - INTERVAL '1' DAY)");
        }
        JsonNode body = json.readTree(send("[" + signal("github_star_spike", "github", "acme.ai", 0.8, null) + ","
                + signal("github_star_spike", "github", "old.io", 0.8, null) + "]").body());
        assertThat(body.get("signals").get(0).get("known_in_crm").asBoolean()).isTrue();
        assertThat(body.get("signals").get(1).get("known_in_crm").asBoolean()).as("expired rows do not count").isFalse();
    }

    @Test
    void theRoutePassesTheDeclaredContentLength() {
        // the intake route calls accept(${body}, ${header.Content-Length}); a declared size over the limit is refused
        org.apache.camel.Exchange e = new org.apache.camel.support.DefaultExchange(context);
        e.getMessage().setHeader("Content-Length", "999999");
        assertThat(context.resolveLanguage("simple").createExpression("${header.Content-Length}").evaluate(e, String.class))
                .isEqualTo("999999");
        SignalIntake intake = context.getRegistry().lookupByNameAndType("signalIntake", SignalIntake.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.accept("{}".getBytes(), "999999"))
                .isInstanceOfSatisfying(io.notionbridge.runtime.HttpProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(413);
                    assertThat(p.getMessage()).contains("999,999 bytes");
                });
    }

    @Test
    void onlyPostIsAllowed() throws Exception {
        assertThat(get(httpPort, "/api/signals").statusCode()).isEqualTo(405);
    }
}
