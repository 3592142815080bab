package io.notionbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.property.PageView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** In sandbox mode an empty store gets the demo feed on start, and one push run fills the demo CRM with it. */
@Tag("db")
class DemoFeedTest extends DiscoveryRouteTestSupport {

    @Override
    protected void extraProperties(Properties p) {
        super.extraProperties(p);
        p.setProperty("bridge.discovery.demo-feed", "true");
    }

    @Test
    void theDemoFeedIsLoadedOnStartAndThePushJobCreatesAndUpdatesCrmPages() throws Exception {
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(34);
        assertThat(count("SELECT COUNT(DISTINCT canonical_key) FROM signals")).isEqualTo(16);

        PushSummary s = push();

        assertThat(s.errors()).isZero();
        assertThat(s.processed()).isEqualTo(16);
        assertThat(s.pushedCreated()).isEqualTo(10);
        assertThat(s.pushedUpdated()).as("Acme AI and Nimbus Robotics are in the demo CRM already").isEqualTo(2);
        assertThat(s.review()).isEqualTo(4);
        assertThat(s.held()).isEqualTo(3);
        assertThat(s.rejected()).isEqualTo(1);
        List<PageView> lattice = crmPages("domain:latticeloop.ai");
        assertThat(lattice).singleElement().satisfies(p -> {
            assertThat(p.property("Status")).isEqualTo("Source");
            assertThat(p.property("Founder")).isEqualTo("Priya Raman");
            assertThat(types(p)).containsExactly("funding_post", "github_star_spike", "hiring_spike", "product_launch");
        });
        assertThat(crmPages("companies_house:13579246")).singleElement()
                .satisfies(p -> assertThat(p.property("Founder")).isEqualTo("Ewan Fraser, Mhairi Scott"));
        assertThat(crmPages("companies_house:09876543")).as("dissolved").isEmpty();
        assertThat(crmPages("domain:acme.ai")).singleElement()
                .satisfies(p -> assertThat(types(p)).contains("new_incorporation", "github_star_spike", "funding_post"));
    }

    @Test
    void theFeedIsNotLoadedTwiceAndItsTimesAreRelativeToNow() throws Exception {
        assertThat(DemoFeed.loadIfEmpty(new SignalStore(db.dataSource()), context.getRegistry()
                .lookupByNameAndType("signalIntake", SignalIntake.class), Clock.systemUTC())).isNull();
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(34);

        JsonNode body = NotionJson.MAPPER.readTree(DemoFeed.body(Clock.fixed(Instant.parse("2026-07-10T12:34:56Z"),
                ZoneOffset.UTC)));
        assertThat(body).hasSize(34);
        assertThat(body.get(0).get("detected_at").asText()).isEqualTo("2026-07-04T12:00:00Z");
        assertThat(body.get(0).has("detected_days_ago")).isFalse();
    }
}
