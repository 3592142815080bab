package io.notionbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The admin API: behind the bearer token, off without one; runs, pauses and reports jobs. */
@Tag("db")
class AdminApiTest extends BridgeRouteTestSupport {

    static void common(Properties p) {
        BridgeRouteTestSupport.fastSandbox(p);
    }

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void extraProperties(Properties p) {
        common(p);
        p.setProperty("bridge.admin.token", "s3cret-admin");
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutOrWithAWrongTokenItAnswers401() throws Exception {
        HttpResponse<String> none = call("GET", "/admin/jobs", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("Authorization: Bearer").doesNotContain("s3cret-admin");
        assertThat(call("GET", "/admin/jobs", "wrong", null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/admin/jobs/suppression-sync/run", "wrong", null).statusCode()).isEqualTo(401);
    }

    @Test
    void listsRunsPausesAndResumesJobs() throws Exception {
        HttpResponse<String> list = call("GET", "/admin/jobs", "s3cret-admin", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json.readTree(list.body()).get("jobs").findValuesAsText("name")).contains("suppression-sync");

        HttpResponse<String> dry = call("POST", "/admin/jobs/suppression-sync/run?dryRun=true", "s3cret-admin", null);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode result = json.readTree(dry.body());
        assertThat(result.get("dryRun").asBoolean()).isTrue();
        assertThat(result.get("result").get("pagesFetched").asInt()).isPositive();

        HttpResponse<String> run = call("POST", "/admin/jobs/suppression-sync/run", "s3cret-admin", "{\"full\": true}");
        assertThat(json.readTree(run.body()).get("result").get("mode").asText()).isEqualTo("full");
        JsonNode status = json.readTree(call("GET", "/admin/jobs/suppression-sync", "s3cret-admin", null).body());
        assertThat(status.get("runs").asInt()).isEqualTo(1);
        assertThat(status.get("lastOutcome").asText()).isEqualTo("ok");

        assertThat(json.readTree(call("POST", "/admin/jobs/suppression-sync/pause", "s3cret-admin", null).body())
                .get("paused").asBoolean()).isTrue();
        assertThat(json.readTree(call("POST", "/admin/jobs/suppression-sync/resume", "s3cret-admin", null).body())
                .get("paused").asBoolean()).isFalse();
    }

    @Test
    void badRequestsGetClearAnswers() throws Exception {
        assertThat(call("GET", "/admin/jobs/nope", "s3cret-admin", null).statusCode()).isEqualTo(404);
        HttpResponse<String> badFlag = call("POST", "/admin/jobs/suppression-sync/run?dryRun=maybe", "s3cret-admin", null);
        assertThat(badFlag.statusCode()).isEqualTo(400);
        assertThat(badFlag.body()).contains("dryRun must be true or false");
        HttpResponse<String> badBody = call("POST", "/admin/jobs/suppression-sync/run", "s3cret-admin", "{nope");
        assertThat(badBody.statusCode()).isEqualTo(400);
        assertThat(badBody.body()).contains("invalid_json");
        assertThat(call("POST", "/admin/jobs/suppression-sync/explode", "s3cret-admin", null).statusCode()).isEqualTo(404);
    }
}
