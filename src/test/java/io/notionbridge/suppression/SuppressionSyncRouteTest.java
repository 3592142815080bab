package io.notionbridge.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.property.PropertiesBuilder;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.store.JobRuns;
import io.notionbridge.store.SyncWatermarks;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The suppression sync through Camel Main against the sandbox's demo CRM. */
@Tag("db")
class SuppressionSyncRouteTest extends BridgeRouteTestSupport {

    @Override
    protected void extraProperties(Properties p) {
        fastSandbox(p);
    }

    private NotionSandbox sandbox() {
        return context.getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
    }

    private SuppressionSyncStats sync(boolean full, boolean dryRun) {
        Map<String, Object> h = new HashMap<>();
        h.put("full", full);
        h.put("dryRun", dryRun);
        return template.requestBodyAndHeaders("direct:suppression-sync", null, h, SuppressionSyncStats.class);
    }

    private int cached() throws Exception {
        return query("SELECT COUNT(*) FROM suppression_cache");
    }

    private int query(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static ObjectNode crm(String name, String key, String website) {
        PropertiesBuilder b = new PropertiesBuilder().title("Name", name);
        if (key != null) {
            b.richText("Canonical Key", key);
        }
        if (website != null) {
            b.url("Website", website);
        }
        return b.build();
    }

    @Test
    void firstRunReadsEveryPageAcrossSeveralRequestsAndCountsKeys() throws Exception {
        sandbox().seedPages(DemoData.CRM_DATA_SOURCE_ID, 230, i -> crm("Seeded " + i, "domain:seeded" + i + ".com", null));
        ObjectNode untitled = NotionJson.object();
        untitled.putObject("Name").putArray("title");
        String nameless = sandbox().seedPages(DemoData.CRM_DATA_SOURCE_ID, 1, i -> untitled).get(0);
        SuppressionSyncStats s = sync(false, false);
        assertThat(s.mode).as("no watermark yet: full").isEqualTo("full");
        assertThat(s.pagesFetched).isGreaterThanOrEqualTo(230 + 25);
        assertThat(s.notionRequests).as("100 pages per request").isEqualTo((s.pagesFetched + 99) / 100);
        assertThat(s.withKey + s.withoutKey).isEqualTo(s.entriesProcessed);
        assertThat(s.strongKeys + s.weakKeys).isEqualTo(s.withKey);
        assertThat(s.weakKeys).as("demo pages with only a name").isPositive();
        assertThat(s.withoutKey).as("a page with no key, website or name").isEqualTo(1);
        assertThat(s.pagesWithoutKey).containsExactly(nameless);
        assertThat(cached()).isEqualTo(s.entriesSynced);
        assertThat(query("SELECT COUNT(*) FROM suppression_cache WHERE canonical_key = 'domain:seeded7.com'")).isEqualTo(1);
        assertThat(new SyncWatermarks(db.dataSource()).get(SuppressionSyncJob.JOB, SuppressionSyncJob.SCOPE))
                .hasValueSatisfying(w -> assertThat(w.lastRunStats()).contains("\"pagesFetched\""));
        assertThat(new JobRuns(db.dataSource()).last(SuppressionSyncJob.JOB, "crm"))
                .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(JobRuns.Outcome.OK));
    }

    @Test
    void incrementalReadsOnlyWhatChangedAndSameMinuteEditsAreReadAgain() throws Exception {
        sandbox().clock().freezeAt(Instant.parse("2026-11-23T10:15:20Z"));
        SuppressionSyncStats first = sync(false, false);
        int all = first.pagesFetched;
        String pageId = sandbox().seedPages(DemoData.CRM_DATA_SOURCE_ID, 1, i -> crm("Late Co", "domain:late.co", null)).get(0);

        sandbox().clock().set(Instant.parse("2026-11-23T10:15:40Z"));
        SuppressionSyncStats second = sync(false, false);
        assertThat(second.mode).isEqualTo("incremental");
        assertThat(second.pagesFetched).as("only the pages of the watermark's minute, which holds the new page")
                .isLessThan(all).isPositive();
        assertThat(query("SELECT COUNT(*) FROM suppression_cache WHERE canonical_key = 'domain:late.co'")).isEqualTo(1);

        // a second edit within the same minute changes the key: the inclusive watermark reads it again
        ObjectNode patch = NotionJson.object();
        patch.set("properties", new PropertiesBuilder().richText("Canonical Key", "domain:late-renamed.co").build());
        sandbox().editAsPerson(pageId, DemoData.USER_MAYA_ID, patch);
        sync(false, false);
        assertThat(query("SELECT COUNT(*) FROM suppression_cache WHERE canonical_key = 'domain:late-renamed.co'")).isEqualTo(1);

        sandbox().clock().set(Instant.parse("2026-11-23T10:20:00Z"));
        SuppressionSyncStats quiet = sync(false, false);
        assertThat(quiet.pagesFetched).as("nothing changed: only the watermark's own minute is read again").isEqualTo(1);
        assertThat(quiet.notionRequests).as("one live query and one trash query").isEqualTo(2);
    }

    @Test
    void trashedPagesLeaveTheCacheAndFullRefreshRemovesVanishedOnes() throws Exception {
        sandbox().clock().freezeAt(Instant.parse("2026-11-23T11:00:00Z"));
        String keep = sandbox().seedPages(DemoData.CRM_DATA_SOURCE_ID, 1, i -> crm("Keep", "domain:keep.io", null)).get(0);
        String trash = sandbox().seedPages(DemoData.CRM_DATA_SOURCE_ID, 1, i -> crm("Trash", "domain:trash.io", null)).get(0);
        sync(false, false);
        assertThat(query("SELECT COUNT(*) FROM suppression_cache WHERE canonical_key IN ('domain:keep.io','domain:trash.io')"))
                .isEqualTo(2);

        sandbox().clock().advance(Duration.ofMinutes(3));
        sandbox().editAsPerson(trash, DemoData.USER_TOM_ID, NotionJson.object().put("in_trash", true));
        SuppressionSyncStats inc = sync(false, false);
        assertThat(inc.trashedRemoved).isEqualTo(1);
        assertThat(query("SELECT COUNT(*) FROM suppression_cache WHERE canonical_key = 'domain:trash.io'")).isZero();

        // an entry whose page Notion no longer returns at all: only a full refresh can notice
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO suppression_cache (canonical_key, key_strength, notion_page_id, cached_at, expires_at) "
                    + "VALUES ('domain:ghost.io', 'strong', 'deleted-page', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1' DAY)");
        }
        assertThat(sync(false, false).missingRemoved).isZero();
        SuppressionSyncStats full = sync(true, false);
        assertThat(full.mode).isEqualTo("full");
        assertThat(full.missingRemoved).isEqualTo(1);
        assertThat(query("SELECT COUNT(*) FROM suppression_cache WHERE canonical_key = 'domain:ghost.io'")).isZero();
        assertThat(query("SELECT COUNT(*) FROM suppression_cache WHERE notion_page_id = '" + keep + "'")).isEqualTo(1);
    }

    @Test
    void expiredEntriesAreCleanedAndTheTtlIsApplied() throws Exception {
        sync(false, false);
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO suppression_cache (canonical_key, key_strength, notion_page_id, cached_at, expires_at) "
                    + "VALUES ('domain:stale.io', 'strong', 'old', CURRENT_TIMESTAMP - INTERVAL '9' DAY, CURRENT_TIMESTAMP - INTERVAL '2' DAY)");
        }
        Map<String, Object> h = new HashMap<>();
        h.put("ttlDays", 2);
        h.put("full", true);
        SuppressionSyncStats s = template.requestBodyAndHeaders("direct:suppression-sync", null, h, SuppressionSyncStats.class);
        assertThat(s.expiredCleaned).as("the stale entry expired (counted before the full refresh could call it missing)")
                .isEqualTo(1);
        assertThat(query("SELECT COUNT(*) FROM suppression_cache WHERE canonical_key = 'domain:stale.io'")).isZero();
        assertThat(query("SELECT COUNT(*) FROM suppression_cache WHERE expires_at > CURRENT_TIMESTAMP + INTERVAL '3' DAY"))
                .as("entries expire after --ttl-days").isZero();
        assertThat(query("SELECT COUNT(*) FROM suppression_cache WHERE expires_at > CURRENT_TIMESTAMP + INTERVAL '1' DAY"))
                .isEqualTo(s.entriesSynced);
    }

    @Test
    void aDryRunReadsNotionButWritesNothing() throws Exception {
        SuppressionSyncStats s = sync(false, true);
        assertThat(s.dryRun).isTrue();
        assertThat(s.entriesSynced).as("what would be synced").isPositive();
        assertThat(cached()).isZero();
        assertThat(query("SELECT COUNT(*) FROM sync_watermarks")).isZero();
        assertThat(query("SELECT COUNT(*) FROM job_runs")).isZero();
    }

    @Test
    void anErrorOnOnePageIsCountedAndTheSyncGoesOn() throws Exception {
        // one page's key does not fit the store's key column: that page is an error, the others are synced
        String bad = sandbox().seedPages(DemoData.CRM_DATA_SOURCE_ID, 1,
                i -> crm("Overlong", "name_loc:" + "x".repeat(400), null)).get(0);
        SuppressionSyncStats s = sync(false, false);
        assertThat(s.errors).isEqualTo(1);
        assertThat(s.errorMessages).singleElement().asString().contains(bad);
        assertThat(cached()).isEqualTo(s.entriesSynced).isGreaterThan(20);
        assertThat(new JobRuns(db.dataSource()).last(SuppressionSyncJob.JOB, "crm"))
                .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(JobRuns.Outcome.PARTIAL));
    }
}
