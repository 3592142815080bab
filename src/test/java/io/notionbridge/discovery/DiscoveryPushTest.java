package io.notionbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import io.notionbridge.config.BridgeException;
import io.notionbridge.notion.property.PageView;
import io.notionbridge.store.JobRuns;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The push job through direct:discovery-push against the sandbox's demo CRM. */
@Tag("db")
class DiscoveryPushTest extends DiscoveryRouteTestSupport {

    @Test
    void signalsFromSeveralSourcesBecomeOneCompanyPage() throws Exception {
        postSignals(
                signal("github_star_spike", "github", "Lattice Loop", 0.6, "https://latticeloop.ai", daysAgo(9),
                        "{\"repo\":\"latticeloop/loom\",\"location\":\"Leeds\"}"),
                signal("funding_post", "news", "Lattice Loop Ltd", 0.5, "latticeloop.ai", daysAgo(2),
                        "{\"target_raise\":\"$4M\",\"founder\":\"Priya Raman\",\"location\":\"London, UK\","
                                + "\"description\":\"Open-source fine-tuning tools.\"}"),
                signal("hiring_spike", "linkedin", "Lattice Loop", 0.4, "https://www.latticeloop.ai/jobs", daysAgo(5), null));

        PushSummary s = push();

        assertThat(s.processed()).isEqualTo(1);
        assertThat(s.pushedCreated()).isEqualTo(1);
        assertThat(s.errors()).isZero();
        List<PageView> pages = crmPages("domain:latticeloop.ai");
        assertThat(pages).hasSize(1);
        PageView page = pages.get(0);
        // base 0.6, 3 sources x1.3, 3 types x1.35 = 1.053, capped at 1.0
        assertThat(page.property("Name")).isEqualTo("Lattice Loop Ltd");
        assertThat(page.property("Status")).isEqualTo("Source");
        assertThat(page.property("Stage")).isEqualTo("Discovery");
        assertThat((BigDecimal) page.property("Confidence")).isEqualByComparingTo("1.0");
        assertThat(types(page)).containsExactly("funding_post", "github_star_spike", "hiring_spike");
        assertThat(page.property("Website")).as("latest hint wins").isEqualTo("https://latticeloop.ai");
        assertThat((String) page.property("Why Now")).isEqualTo("funding_post, github_star_spike, hiring_spike from 3 sources "
                + "(github, linkedin, news); score 1.0; latest signal " + daysAgo(2).substring(0, 10));
        assertThat(page.property("Founder")).isEqualTo("Priya Raman");
        assertThat(page.property("Location")).as("latest raw data wins").isEqualTo("London, UK");
        assertThat(page.property("Description")).isEqualTo("Open-source fine-tuning tools.");
        assertThat((BigDecimal) page.property("Target Raise")).isEqualByComparingTo("4000000");

        assertThat(count("SELECT COUNT(*) FROM signal_processing WHERE state = 'pushed' AND notion_page_id = '"
                + page.id() + "'")).isEqualTo(3);
        assertThat(text("SELECT state FROM push_intents WHERE canonical_key = 'domain:latticeloop.ai'")).isEqualTo("created");
        assertThat(text("SELECT notion_page_id FROM suppression_cache WHERE canonical_key = 'domain:latticeloop.ai'"))
                .isEqualTo(page.id());
    }

    @Test
    void eachDecisionIsRoutedItsOwnWay() throws Exception {
        postSignals(
                signal("product_launch", "producthunt", "Ferrous Labs", 0.75, "https://ferrouslabs.io", null, null),
                signal("hiring_spike", "linkedin", "Okapi Health", 0.5, "https://okapihealth.com", null, null),
                signal("funding_post", "news", "Saltmarsh Bio", 0.3, "https://saltmarsh.bio", null, null),
                signal("funding_post", "news", "Rustbelt Robotics", 0.9, "https://rustbelt.dev", daysAgo(3), null),
                signal("company_dissolved", "companies_house", "Rustbelt Robotics", 0.2, "https://rustbelt.dev", daysAgo(1), null));

        PushSummary s = push();

        assertThat(s.processed()).isEqualTo(4);
        assertThat(s.pushed()).isEqualTo(2);
        assertThat(s.review()).isEqualTo(1);
        assertThat(s.held()).isEqualTo(1);
        assertThat(s.rejected()).isEqualTo(1);
        assertThat(s.outcomes()).extracting(ProspectOutcome::canonicalKey)
                .as("highest score first").containsExactly("domain:rustbelt.dev", "domain:ferrouslabs.io",
                        "domain:okapihealth.com", "domain:saltmarsh.bio");
        assertThat(crmPages("domain:ferrouslabs.io")).singleElement().satisfies(p -> assertThat(p.property("Status"))
                .isEqualTo("Source"));
        assertThat(crmPages("domain:okapihealth.com")).singleElement().satisfies(p -> assertThat(p.property("Status"))
                .isEqualTo("Tracking"));
        assertThat(crmPages("domain:saltmarsh.bio")).isEmpty();
        assertThat(crmPages("domain:rustbelt.dev")).as("a hard kill wins over a score of 0.9").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM signal_processing p JOIN signals s ON s.id = p.signal_id "
                + "WHERE s.canonical_key = 'domain:saltmarsh.bio' AND p.state = 'pending'")).isEqualTo(1);
        assertThat(text("SELECT MIN(p.state) || '/' || MAX(p.reason) FROM signal_processing p JOIN signals s ON s.id = p.signal_id "
                + "WHERE s.canonical_key = 'domain:rustbelt.dev'")).startsWith("rejected/hard-kill signal company_dissolved");

        JobRuns.Run run = new JobRuns(db.dataSource()).last("discovery-push", null).orElseThrow();
        assertThat(run.outcome()).isEqualTo(JobRuns.Outcome.OK);
        assertThat(run.stats().get("pushed_created").asInt()).isEqualTo(2);
        assertThat(run.stats().get("outcomes")).hasSize(4);
    }

    @Test
    void everyStoredSignalOfACompanyCountsInLaterRuns() throws Exception {
        postSignals(signal("funding_post", "news", "Marlin Metrics", 0.45, "https://marlinmetrics.com", daysAgo(8), null),
                signal("funding_post", "news", "Polar Pixel", 0.3, "https://polarpixel.studio", daysAgo(8), null));
        PushSummary first = push();
        assertThat(first.review()).isEqualTo(1);
        assertThat(first.held()).isEqualTo(1);
        String pageId = crmPages("domain:marlinmetrics.com").get(0).id();

        // new evidence: the pushed signal and the held one count together with the new ones
        postSignals(signal("github_star_spike", "github", "Marlin Metrics", 0.7, "https://marlinmetrics.com", daysAgo(1), null),
                signal("funding_post", "blog", "Polar Pixel", 0.35, "https://polarpixel.studio", daysAgo(1), null));
        long creates = requests("POST /v1/pages");
        PushSummary second = push();

        assertThat(second.processed()).isEqualTo(2);
        assertThat(second.pushedUpdated()).isEqualTo(1);
        assertThat(second.pushedCreated()).isEqualTo(1);
        assertThat(requests("POST /v1/pages") - creates).as("only Polar Pixel is new").isEqualTo(1);
        PageView marlin = crmPages("domain:marlinmetrics.com").get(0);
        assertThat(marlin.id()).isEqualTo(pageId);
        assertThat(types(marlin)).containsExactly("funding_post", "github_star_spike");
        assertThat((BigDecimal) marlin.property("Confidence")).isEqualByComparingTo("0.966");
        assertThat(marlin.property("Status")).as("an update leaves the status to people").isEqualTo("Tracking");
        // 0.35 x 1.15 (two sources) = 0.4025: now worth a review
        assertThat(crmPages("domain:polarpixel.studio")).singleElement()
                .satisfies(p -> assertThat(p.property("Status")).isEqualTo("Tracking"));
        assertThat(count("SELECT COUNT(*) FROM signal_processing WHERE state = 'pending'")).isZero();
    }

    @Test
    void aCompanyTheFreshCacheKnowsIsUpdatedWithOneRequest() throws Exception {
        freshSuppressionSync();
        String acme = "62d1ddb1-1e9a-563f-93f3-342368eff930";
        cacheRow("domain:acme.ai", acme, "{\"signal_types\":[\"new_incorporation\"]}");
        postSignals(signal("github_star_spike", "github", "Acme AI", 0.8, "https://acme.ai", daysAgo(1), null));
        long before = sandbox().requestLog().total();

        PushSummary s = push();

        assertThat(s.pushedUpdated()).isEqualTo(1);
        assertThat(sandbox().requestLog().total() - before).as("one PATCH, no lookup, no read").isEqualTo(1);
        PageView page = crmPages("domain:acme.ai").get(0);
        assertThat(page.id()).isEqualTo(acme);
        assertThat(types(page)).containsExactly("new_incorporation", "github_star_spike");
        assertThat(page.property("Name")).isEqualTo("Acme AI");
        assertThat((String) page.property("Why Now")).startsWith("github_star_spike from 1 source (github); score 0.8");
        assertThat(text("SELECT metadata FROM suppression_cache WHERE canonical_key = 'domain:acme.ai'"))
                .contains("\"signal_types\":[\"new_incorporation\",\"github_star_spike\"]");
    }

    @Test
    void withoutAFreshCacheTheCompanyIsLookedUpByKeyAndUpdated() throws Exception {
        postSignals(signal("hiring_spike", "linkedin", "Nimbus Robotics", 0.9, "https://nimbusrobotics.com", null, null),
                signal("hiring_spike", "linkedin", "Brand New Co", 0.9, "https://brandnew.io", null, null));
        long creates = requests("POST /v1/pages");

        PushSummary s = push();

        assertThat(s.pushedUpdated()).isEqualTo(1);
        assertThat(s.pushedCreated()).isEqualTo(1);
        assertThat(requests("POST /v1/pages") - creates).isEqualTo(1);
        PageView nimbus = crmPages("domain:nimbusrobotics.com").get(0);
        assertThat(nimbus.id()).isEqualTo("776cf8d6-d0f7-53d6-ba30-f14675f54f85");
        assertThat(types(nimbus)).containsExactly("product_launch", "github_star_spike",
                "hiring_spike");
        assertThat(text("SELECT notion_page_id FROM push_intents WHERE canonical_key = 'domain:nimbusrobotics.com'"))
                .isEqualTo(nimbus.id());
    }

    @Test
    void aFailingProspectNeverStopsTheBatch() throws Exception {
        postSignals(signal("funding_post", "news", "Alpha One", 0.95, "https://alpha-one.io", null, null),
                signal("funding_post", "news", "Beta Two", 0.85, "https://beta-two.io", null, null),
                signal("funding_post", "news", "Gamma Three", 0.75, "https://gamma-three.io", null, null));
        freshSuppressionSync();
        sandbox().faults().failNext("POST", "/v1/pages", 400, 1);

        PushSummary s = push();

        assertThat(s.processed()).isEqualTo(3);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.pushedCreated()).isEqualTo(2);
        assertThat(s.errorList()).singleElement().satisfies(e -> {
            assertThat(e.canonicalKey()).isEqualTo("domain:alpha-one.io");
            assertThat(e.error()).contains("400");
        });
        assertThat(crmPages("domain:alpha-one.io")).isEmpty();
        assertThat(new JobRuns(db.dataSource()).last("discovery-push", null).orElseThrow().outcome())
                .isEqualTo(JobRuns.Outcome.PARTIAL);
        assertThat(text("SELECT state FROM push_intents WHERE canonical_key = 'domain:alpha-one.io'")).isEqualTo("failed");

        PushSummary next = push();
        assertThat(next.pushedCreated()).as("its signals stayed pending").isEqualTo(1);
        assertThat(crmPages("domain:alpha-one.io")).hasSize(1);
    }

    @Test
    void aCompanyWhoseStoredSignalsCannotBeEvaluatedIsAnErrorNotAStop() throws Exception {
        postSignals(signal("funding_post", "news", "Fine Co", 0.9, "https://fine-co.io", null, null),
                signal("funding_post", "news", "Broken Co", 0.9, "https://broken-co.io", null, null));
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE signals SET confidence = 2 WHERE canonical_key = 'domain:broken-co.io'");
        }

        PushSummary s = push();

        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.errorList()).singleElement().satisfies(e -> {
            assertThat(e.canonicalKey()).isEqualTo("domain:broken-co.io");
            assertThat(e.error()).contains("confidence must be between 0 and 1");
        });
        assertThat(s.pushedCreated()).isEqualTo(1);
        assertThat(crmPages("domain:fine-co.io")).hasSize(1);
    }

    @Test
    void aDryRunChangesNothingAndSaysWhatWouldHappen() throws Exception {
        postSignals(signal("funding_post", "news", "Ferrous Labs", 0.75, "https://ferrouslabs.io", null, null),
                signal("hiring_spike", "linkedin", "Acme AI", 0.9, "https://acme.ai", null, null),
                signal("funding_post", "news", "Saltmarsh Bio", 0.3, "https://saltmarsh.bio", null, null),
                signal("company_dissolved", "companies_house", "Rustbelt", 0.9, "https://rustbelt.dev", null, null));
        long writes = requests("POST /v1/pages") + requests("PATCH /v1/pages/{id}");

        PushSummary s = push(null, null, true);

        assertThat(s.dryRun()).isTrue();
        assertThat(s.outcomes()).extracting(ProspectOutcome::canonicalKey, ProspectOutcome::action).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("domain:ferrouslabs.io", "would_create"),
                org.assertj.core.groups.Tuple.tuple("domain:acme.ai", "would_update"),
                org.assertj.core.groups.Tuple.tuple("domain:saltmarsh.bio", "held"),
                org.assertj.core.groups.Tuple.tuple("domain:rustbelt.dev", "would_reject"));
        assertThat(s.outcomes()).filteredOn(o -> o.action().equals("would_update")).singleElement()
                .satisfies(o -> assertThat(o.pageId()).isEqualTo("62d1ddb1-1e9a-563f-93f3-342368eff930"));
        assertThat(requests("POST /v1/pages") + requests("PATCH /v1/pages/{id}")).isEqualTo(writes);
        assertThat(count("SELECT COUNT(*) FROM signal_processing WHERE state <> 'pending'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM push_intents")).isZero();
        assertThat(count("SELECT COUNT(*) FROM suppression_cache")).isZero();
        assertThat(count("SELECT COUNT(*) FROM job_runs")).isZero();
    }

    @Test
    void aLimitTakesTheHighestScoresFirst() throws Exception {
        postSignals(signal("funding_post", "news", "Low", 0.72, "https://low-co.io", null, null),
                signal("funding_post", "news", "High", 0.95, "https://high-co.io", null, null),
                signal("funding_post", "news", "Mid", 0.8, "https://mid-co.io", null, null));

        PushSummary s = push(2, null, false);

        assertThat(s.processed()).isEqualTo(2);
        assertThat(s.deferred()).isEqualTo(1);
        assertThat(s.outcomes()).extracting(ProspectOutcome::canonicalKey)
                .containsExactly("domain:high-co.io", "domain:mid-co.io");
        assertThat(crmPages("domain:low-co.io")).isEmpty();
        assertThat(push().outcomes()).extracting(ProspectOutcome::canonicalKey).containsExactly("domain:low-co.io");
    }

    @Test
    void oneKeyPushesOnlyThatCompany() throws Exception {
        postSignals(signal("funding_post", "news", "One", 0.9, "https://one-co.io", null, null),
                signal("funding_post", "news", "Two", 0.9, "https://two-co.io", null, null));

        PushSummary s = push(null, "DOMAIN:One-Co.IO", false);

        assertThat(s.outcomes()).extracting(ProspectOutcome::canonicalKey).containsExactly("domain:one-co.io");
        assertThat(crmPages("domain:two-co.io")).isEmpty();
        assertThat(push(null, "domain:nothing-pending.io", false).processed()).isZero();
        assertThatThrownBy(() -> push(null, "domain:localhost", false)).isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(BridgeException.class).cause().hasMessageContaining("localhost");
        assertThat(push(null, null, false).processed()).as("a failed start leaves no run holding the job").isEqualTo(1);
    }

    @Test
    void theAggregatorScoresOnItsOwnThreadWithAQueueThatNeverRunsOnTheCaller() {
        // a bounded queue (Camel's default: 1000) runs overflow on the caller, nesting the split's callbacks until
        // the stack overflows on big runs; the pool must queue every completed group instead
        var pool = (java.util.concurrent.ThreadPoolExecutor) context.getRegistry().lookupByName("discoveryAggregatorExecutor");
        assertThat(pool.getMaximumPoolSize()).isEqualTo(1);
        assertThat(pool.getQueue().remainingCapacity()).isGreaterThan(1_000_000);
    }

    @Test
    void nothingPendingIsAnEmptyRun() {
        PushSummary s = push();
        assertThat(s.processed()).isZero();
        assertThat(s.errors()).isZero();
    }
}
