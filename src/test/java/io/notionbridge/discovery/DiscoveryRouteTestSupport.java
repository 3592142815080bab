package io.notionbridge.discovery;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.property.PageReader;
import io.notionbridge.notion.property.PageView;
import io.notionbridge.sandbox.NotionSandbox;
import io.notionbridge.sandbox.demo.DemoData;
import io.notionbridge.store.JobRuns;
import io.notionbridge.testing.BridgeRouteTestSupport;

/** Route tests of the discovery flow: the runtime against its own sandbox and store, timers off, no demo feed. */
abstract class DiscoveryRouteTestSupport extends BridgeRouteTestSupport {

    static final String CRM_DATA_SOURCE = DemoData.CRM_DATA_SOURCE_ID;

    @Override
    protected void extraProperties(Properties p) {
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.scheduler.enabled", "false");
        p.setProperty("bridge.sandbox.rate-limit", "off");
        p.setProperty("bridge.notion.rate-limit", "1000");
        p.setProperty("bridge.discovery.demo-feed", "false");
    }

    NotionSandbox sandbox() {
        return context.getRegistry().lookupByNameAndType("notionSandbox", NotionSandbox.class);
    }

    NotionClient notion() {
        return context.getRegistry().lookupByNameAndType("notionClient", NotionClient.class);
    }

    /** One signal as intake JSON. */
    static String signal(String type, String source, String company, double confidence, String website, String detectedAt,
                         String rawData) {
        ObjectNode o = NotionJson.object().put("signal_type", type).put("source_api", source).put("company_name", company)
                .put("confidence", confidence);
        if (website != null) {
            o.put("website", website);
        }
        if (detectedAt != null) {
            o.put("detected_at", detectedAt);
        }
        if (rawData != null) {
            try {
                o.set("raw_data", NotionJson.MAPPER.readTree(rawData));
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }
        return o.toString();
    }

    /** POSTs signals (one JSON object each) as one array; fails unless stored. */
    JsonNode postSignals(String... signals) throws Exception {
        HttpResponse<String> r = post(httpPort, "/api/signals", "[" + String.join(",", signals) + "]",
                "Content-Type", "application/json");
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new AssertionError("intake answered " + r.statusCode() + ": " + r.body());
        }
        return NotionJson.MAPPER.readTree(r.body());
    }

    PushSummary push() {
        return push(null, null, false);
    }

    PushSummary push(Integer limit, String key, boolean dryRun) {
        Map<String, Object> headers = new HashMap<>();
        if (limit != null) {
            headers.put(DiscoveryPush.LIMIT, limit);
        }
        if (key != null) {
            headers.put(DiscoveryPush.KEY, key);
        }
        if (dryRun) {
            headers.put(DiscoveryPush.DRY_RUN, true);
        }
        return template.requestBodyAndHeaders("direct:discovery-push", null, headers, PushSummary.class);
    }

    /** The CRM pages whose canonical key property is {@code key} (read through the gateway). */
    List<PageView> crmPages(String key) {
        ObjectNode body = NotionJson.object();
        body.putObject("filter").put("property", "Canonical Key").putObject("rich_text").put("equals", key);
        List<PageView> out = new ArrayList<>();
        notion().forEachResult(CRM_DATA_SOURCE, body, page -> out.add(PageReader.read(page)));
        return out;
    }

    /** The page's signal types. */
    static List<String> types(PageView page) {
        Object v = page.property("Signal Types");
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    long requests(String endpoint) {
        return sandbox().requestLog().count(endpoint);
    }

    long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String text(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Records a successful suppression sync that just finished, so the cache counts as fresh. */
    void freshSuppressionSync() {
        JobRuns runs = new JobRuns(db.dataSource());
        runs.finish(runs.start("suppression-sync", null, false), JobRuns.Outcome.OK, Map.of("pages", 0), null);
    }

    /** A suppression cache row, as the suppression sync writes it. */
    void cacheRow(String key, String pageId, String metadata) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO suppression_cache (canonical_key, key_strength, notion_page_id, status, cached_at, expires_at, metadata) "
                        + "VALUES (?, 'strong', ?, 'Source', ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, pageId);
            ps.setObject(3, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            ps.setObject(4, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(1));
            ps.setString(5, metadata);
            ps.executeUpdate();
        }
    }

    static String daysAgo(int days) {
        return Instant.now().minus(java.time.Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
