package io.notionbridge.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An event that keeps failing is retried, then parked where operators see it, and replayed once the cause is fixed. */
@Tag("db")
class TaskInboxParkRouteTest extends TaskRouteTestSupport {

    static final String SECRET = "secret_park_test_abcdefghijklmnopqrstuvwxyz0123456789";
    static final String DEMO_PAGE = "6701b313-9e36-5ff7-84f4-b4e6cee24839";

    @Override
    protected void taskProperties(Properties p) {
        p.setProperty("bridge.notion.webhook-secret", SECRET);
        p.setProperty("bridge.tasks.sandbox-webhook", "false");
        p.setProperty("bridge.tasks.inbox.max-attempts", "3");
        p.setProperty("bridge.tasks.inbox.backoff-ms", "1");
        p.setProperty("bridge.tasks.inbox.backoff-max-ms", "1");
    }

    @Test
    void aFailingEventIsRetriedThenParkedThenReplayed() throws Exception {
        sandbox().faults().failNext("GET", "/v1/pages/{id}", 400, 3);
        assertThat(postSigned(SECRET, event("evt-park", "page.properties_updated", DEMO_PAGE, "2026-07-04T09:00:00.000Z"))
                .statusCode()).isEqualTo(200);
        try (LogCapture log = LogCapture.capture()) {
            int parked = 0;
            for (int round = 0; round < 50 && parked == 0; round++) {
                parked = runInbox().parked();
            }
            assertThat(parked).isEqualTo(1);
            assertThat(log.containing("parked after 3 attempts")).singleElement().satisfies(l -> {
                assertThat(l.level()).isEqualTo(Level.ERROR);
                assertThat(l.correlationId()).isEqualTo("evt-park");
            });
            assertThat(log.containing("failed, attempt")).hasSize(2);
        }
        JsonNode listed = parse(get(httpPort, "/api/webhooks/inbox?state=parked").body());
        assertThat(listed.path("counts").path("parked").asInt()).isEqualTo(1);
        JsonNode event = listed.path("events").get(0);
        assertThat(event.path("eventId").asText()).isEqualTo("evt-park");
        assertThat(event.path("attempts").asInt()).isEqualTo(3);
        assertThat(event.path("lastError").asText()).contains("400");
        assertThat(runInbox().claimed()).as("parked events are not retried").isZero();

        HttpResponse<String> replay = post(httpPort, "/api/webhooks/inbox/" + event.path("id").asLong() + "/replay", "");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(parse(replay.body()).path("state").asText()).isEqualTo("pending");
        assertThat(runInbox().applied()).isEqualTo(1);
        assertThat(tasks().findByPageId(DEMO_PAGE)).isPresent();
    }
}
