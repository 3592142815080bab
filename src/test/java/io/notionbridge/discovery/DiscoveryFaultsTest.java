package io.notionbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.property.PageView;
import io.notionbridge.notion.property.PropertiesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Never a duplicate company page: creates whose outcome is unknown (committed then 503, a plain 503, a timeout) or
 * that were sent just before a crash are resolved by a lookup by canonical key, never by a blind second create.
 */
@Tag("db")
class DiscoveryFaultsTest extends DiscoveryRouteTestSupport {

    @Override
    protected void extraProperties(Properties p) {
        super.extraProperties(p);
        p.setProperty("bridge.notion.request-timeout-ms", "1000");
    }

    @Test
    void aCreateCommittedThenAnswered503MakesExactlyOnePage() throws Exception {
        freshSuppressionSync();
        postSignals(signal("funding_post", "news", "Kestrel Aero", 0.9, "https://kestrel.aero", daysAgo(3), null));
        sandbox().faults().committedThen503Next("POST", "/v1/pages", 1);

        PushSummary s = push();

        assertThat(s.errors()).isZero();
        assertThat(s.pushedCreated()).as("adopted after a lookup").isEqualTo(1);
        assertThat(requests("POST /v1/pages")).as("the create was sent once").isEqualTo(1);
        assertThat(crmPages("domain:kestrel.aero")).hasSize(1);
        String pageId = crmPages("domain:kestrel.aero").get(0).id();
        assertThat(text("SELECT state || ' ' || notion_page_id FROM push_intents WHERE canonical_key = 'domain:kestrel.aero'"))
                .isEqualTo("created " + pageId);
        assertThat(count("SELECT COUNT(*) FROM signal_processing WHERE state = 'pushed' AND notion_page_id = '" + pageId + "'"))
                .isEqualTo(1);

        postSignals(signal("github_star_spike", "github", "Kestrel Aero", 0.8, "https://kestrel.aero", daysAgo(1), null));
        PushSummary next = push();
        assertThat(next.pushedUpdated()).isEqualTo(1);
        assertThat(requests("POST /v1/pages")).isEqualTo(1);
        assertThat(crmPages("domain:kestrel.aero")).singleElement()
                .satisfies(p -> assertThat(types(p)).containsExactly("funding_post", "github_star_spike"));
    }

    @Test
    void aCrashBetweenSendingAndRecordingIsResolvedByALookupNotASecondCreate() throws Exception {
        AtomicBoolean crashed = new AtomicBoolean();
        AdviceWith.adviceWith(context, "notion-gateway", a -> a.weaveAddLast().process(e -> {
            NotionRequest r = e.getProperty("notion.request", NotionRequest.class);
            if (r.method() == NotionRequest.Method.POST && r.path().equals("/v1/pages") && crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("simulated crash: the create reached Notion, nothing was recorded");
            }
        }));
        freshSuppressionSync();
        postSignals(signal("funding_post", "news", "Osprey Maps", 0.9, "https://ospreymaps.io", null, null));

        PushSummary first = push();

        assertThat(first.errors()).isEqualTo(1);
        assertThat(first.errorList().get(0).error()).contains("simulated crash");
        assertThat(text("SELECT state FROM push_intents WHERE canonical_key = 'domain:ospreymaps.io'"))
                .as("left as a crash leaves it").isEqualTo("sending");
        assertThat(crmPages("domain:ospreymaps.io")).as("the create did happen").hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM signal_processing WHERE state = 'pending'")).isEqualTo(1);

        PushSummary second = push();

        assertThat(second.errors()).isZero();
        assertThat(second.pushedUpdated()).isEqualTo(1);
        assertThat(requests("POST /v1/pages")).as("no second create").isEqualTo(1);
        PageView page = crmPages("domain:ospreymaps.io").get(0);
        assertThat(crmPages("domain:ospreymaps.io")).hasSize(1);
        assertThat(text("SELECT state || ' ' || notion_page_id FROM push_intents WHERE canonical_key = 'domain:ospreymaps.io'"))
                .isEqualTo("created " + page.id());
        assertThat(count("SELECT COUNT(*) FROM signal_processing WHERE state = 'pending'")).isZero();
    }

    @Test
    void anIntentLeftSendingIsLookedUpBeforeAnythingIsSent() throws Exception {
        String pageId = notion().createPageInDatabase(CrmSettings.SANDBOX_CRM_DATABASE_ID, new PropertiesBuilder()
                .title("Name", "Heron Labs").richText("Canonical Key", "domain:heronlabs.io").build()).path("id").asText();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO push_intents (canonical_key, state, attempts) VALUES ('domain:heronlabs.io', 'sending', 1)");
        }
        freshSuppressionSync();
        postSignals(signal("funding_post", "news", "Heron Labs", 0.9, "https://heronlabs.io", null, null));
        long creates = requests("POST /v1/pages");

        PushSummary s = push();

        assertThat(s.pushedUpdated()).isEqualTo(1);
        assertThat(requests("POST /v1/pages")).isEqualTo(creates);
        assertThat(crmPages("domain:heronlabs.io")).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(pageId);
            assertThat(types(p)).containsExactly("funding_post");
        });
    }

    @Test
    void anUnknownOutcomeThatALookupCannotFindIsNotSentAgainInTheSameRun() throws Exception {
        freshSuppressionSync();
        postSignals(signal("funding_post", "news", "Plover Pay", 0.9, "https://ploverpay.com", null, null));
        sandbox().faults().failNext("POST", "/v1/pages", 503, 1);

        PushSummary first = push();

        assertThat(first.errors()).isEqualTo(1);
        assertThat(first.errorList().get(0).error()).contains("the next run looks it up again");
        assertThat(requests("POST /v1/pages")).isEqualTo(1);
        assertThat(text("SELECT state FROM push_intents WHERE canonical_key = 'domain:ploverpay.com'")).isEqualTo("unknown");

        PushSummary second = push();

        assertThat(second.pushedCreated()).isEqualTo(1);
        assertThat(crmPages("domain:ploverpay.com")).hasSize(1);
        assertThat(text("SELECT attempts FROM push_intents WHERE canonical_key = 'domain:ploverpay.com'")).isEqualTo("2");
    }

    @Test
    void aTimedOutCreateIsLookedUpBeforeItIsSentAgain() throws Exception {
        freshSuppressionSync();
        postSignals(signal("funding_post", "news", "Wren Robotics", 0.9, "https://wrenrobotics.com", null, null));
        sandbox().faults().add(io.notionbridge.notion.NotionJson.MAPPER.readTree(
                "{\"method\":\"POST\",\"path\":\"/v1/pages\",\"latency_ms\":2500,\"count\":1}"));

        PushSummary first = push();

        assertThat(first.errors()).isEqualTo(1);
        assertThat(text("SELECT state FROM push_intents WHERE canonical_key = 'domain:wrenrobotics.com'")).isEqualTo("unknown");
        long queries = requests("POST /v1/data_sources/{id}/query");

        PushSummary second = push();

        assertThat(second.pushedCreated()).isEqualTo(1);
        assertThat(requests("POST /v1/data_sources/{id}/query") - queries).as("looked up first").isEqualTo(1);
        assertThat(crmPages("domain:wrenrobotics.com")).hasSize(1);
    }

    @Test
    void aKnownPageThatWasTrashedIsLookedUpAndTheCompanyCreatedAgain() throws Exception {
        freshSuppressionSync();
        cacheRow("domain:defunctwidgets.com", "aa8e723a-457a-53d8-a047-c0d1441f7dcc", "{\"signal_types\":[]}");
        postSignals(signal("product_launch", "producthunt", "Defunct Widgets", 0.9, "https://defunctwidgets.com", null, null));

        PushSummary s = push();

        assertThat(s.errors()).isZero();
        assertThat(s.pushedCreated()).isEqualTo(1);
        PageView page = crmPages("domain:defunctwidgets.com").get(0);
        assertThat(page.id()).isNotEqualTo("aa8e723a-457a-53d8-a047-c0d1441f7dcc");
        assertThat(text("SELECT notion_page_id FROM suppression_cache WHERE canonical_key = 'domain:defunctwidgets.com'"))
                .isEqualTo(page.id());
    }
}
