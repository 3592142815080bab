package io.notionbridge.suppression;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.gateway.NotionClient;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.pagination.PaginationSummary;
import io.notionbridge.notion.property.PageReader;
import io.notionbridge.notion.property.PageView;
import io.notionbridge.store.JobRuns;
import io.notionbridge.store.SyncWatermarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suppression sync: reads the CRM's pages through the gateway (100 per request, every status, cursors to the
 * end), turns each into a cache entry keyed by its canonical key, and upserts them in bulk with a TTL.
 * <ul>
 *   <li><b>Incremental</b> (default): only pages edited on or after the watermark's minute (inclusive, so a second
 *       edit in the same minute is read again), plus the pages trashed since then, which leave the cache.</li>
 *   <li><b>Full</b> (first run, {@code --full}, and the full-refresh timer): every page; entries whose pages were not
 *       returned (deleted, trashed, unshared) leave the cache, and every entry's expiry is renewed.</li>
 * </ul>
 * Expired entries are removed on every run. An error on one page is logged and counted; the sync goes on. A dry run
 * reads Notion and reports, but writes nothing to the store.
 */
public class SuppressionSyncJob {

    public static final String JOB = "suppression-sync";
    public static final String SCOPE = "crm";
    private static final Logger LOG = LoggerFactory.getLogger(SuppressionSyncJob.class);

    private final NotionClient notion;
    private final SuppressionSettings settings;
    private final CrmKeyExtractor extractor;
    private final SuppressionCache cache;
    private final SyncWatermarks watermarks;
    private final JobRuns runs;
    private final Clock clock;

    public SuppressionSyncJob(NotionClient notion, SuppressionSettings settings, SuppressionCache cache,
                              SyncWatermarks watermarks, JobRuns runs, Clock clock) {
        this.notion = notion;
        this.settings = settings;
        this.extractor = new CrmKeyExtractor(settings.properties());
        this.cache = cache;
        this.watermarks = watermarks;
        this.runs = runs;
        this.clock = clock;
    }

    /** Runs one sync; nulls mean the defaults (incremental, writing, the configured TTL). */
    public SuppressionSyncStats run(Boolean full, Boolean dryRun, Integer ttlDays) throws Exception {
        boolean dry = Boolean.TRUE.equals(dryRun);
        int ttl = ttlDays == null ? settings.ttlDays() : ttlDays;
        if (ttl < 1) {
            throw new IllegalArgumentException("--ttl-days must be at least 1, got " + ttl);
        }
        Optional<SyncWatermarks.Watermark> wm = watermarks.get(JOB, SCOPE);
        Instant since = wm.map(SyncWatermarks.Watermark::lastEditedTime).orElse(null);
        boolean fullRun = Boolean.TRUE.equals(full) || since == null;

        SuppressionSyncStats stats = new SuppressionSyncStats();
        stats.mode = fullRun ? "full" : "incremental";
        stats.dryRun = dry;
        stats.startedAt = clock.instant();
        long runId = dry ? -1 : runs.start(JOB, SCOPE, false);
        try {
            sync(stats, fullRun, since, dry, ttl);
        } catch (Exception e) {
            stats.finish(clock.instant());
            if (!dry) {
                runs.finish(runId, JobRuns.Outcome.FAILED, stats, e.getMessage());
            }
            LOG.error("Suppression sync failed: {}", e.getMessage());
            throw e;
        }
        stats.finish(clock.instant());
        if (!dry) {
            watermarks.save(new SyncWatermarks.Watermark(JOB, SCOPE, stats.watermark, null, null, stats.mode,
                    JobRuns.JSON.writeValueAsString(stats), null));
            runs.finish(runId, stats.errors > 0 ? JobRuns.Outcome.PARTIAL : JobRuns.Outcome.OK, stats, null);
        }
        LOG.info(stats.logLine());
        return stats;
    }

    private void sync(SuppressionSyncStats stats, boolean fullRun, Instant since, boolean dry, int ttl) throws Exception {
        String dataSource = notion.dataSources().primary(settings.crmDatabaseId());
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(ttl));
        Set<String> seen = new HashSet<>();
        Instant[] newest = {since};
        PaginationSummary live = notion.queryAll(dataSource, query(fullRun ? null : since, false), page -> {
            List<SuppressionEntry> entries = new ArrayList<>();
            for (JsonNode result : page.results()) {
                stats.pagesFetched++;
                String id = result.path("id").asText();
                seen.add(id);
                try {
                    entry(result, stats).ifPresent(entries::add);
                    Instant edited = PageReader.read(result).lastEditedTime();
                    if (edited != null && (newest[0] == null || edited.isAfter(newest[0]))) {
                        newest[0] = edited;
                    }
                } catch (RuntimeException e) {
                    stats.error("page " + id + ": " + e.getMessage());
                    LOG.warn("Suppression sync: page {} skipped: {}", id, e.getMessage());
                }
            }
            stats.entriesSynced += dry ? entries.size() : store(entries, now, expires, stats);
        });
        stats.notionRequests += live.requests();
        stats.expiredCleaned = cache.removeExpired(now, dry);
        if (fullRun) {
            stats.missingRemoved = cache.removePagesNotIn(seen, dry);
        } else {
            List<String> trashed = new ArrayList<>();
            PaginationSummary t = notion.queryAll(dataSource, query(since, true),
                    page -> page.results().forEach(p -> trashed.add(p.path("id").asText())));
            stats.notionRequests += t.requests();
            stats.trashedRemoved = dry ? trashed.size() : cache.removePages(trashed);
        }
        stats.watermark = newest[0] == null ? null : newest[0].truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * Writes one page of entries in one batch; when the batch fails, entry by entry, so that one unstorable entry is
     * an error of its page and not of the sync. A store that cannot be written at all still fails the sync.
     */
    private int store(List<SuppressionEntry> entries, Instant now, Instant expires, SuppressionSyncStats stats) {
        try {
            return cache.upsertAll(entries, now, expires);
        } catch (java.sql.SQLException batch) {
            int stored = 0;
            java.sql.SQLException last = batch;
            for (SuppressionEntry e : entries) {
                try {
                    stored += cache.upsertAll(List.of(e), now, expires);
                } catch (java.sql.SQLException one) {
                    last = one;
                    stats.error("page " + e.pageId() + " (" + abbreviate(e.canonicalKey()) + "): not stored: " + one.getMessage());
                    LOG.warn("Suppression sync: page {} not stored: {}", e.pageId(), one.getMessage());
                }
            }
            if (stored == 0) {
                throw new IllegalStateException("cannot write the suppression cache: " + last.getMessage(), last);
            }
            return stored;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** The cache entry of one CRM page, or empty (counted and logged) when it has no usable key. */
    private Optional<SuppressionEntry> entry(JsonNode result, SuppressionSyncStats stats) {
        PageView page = PageReader.read(result);
        stats.entriesProcessed++;
        Optional<CrmKeyExtractor.Extracted> key = extractor.extract(page);
        if (key.isEmpty()) {
            stats.withoutKey++;
            if (stats.pagesWithoutKey.size() < SuppressionSyncStats.MAX_ERRORS_LISTED) {
                stats.pagesWithoutKey.add(page.id());
            }
            LOG.info("Suppression sync: CRM page {} has no canonical key, website or name to key it by", page.id());
            return Optional.empty();
        }
        stats.withKey++;
        boolean strong = key.get().key().strong();
        if (strong) {
            stats.strongKeys++;
        } else {
            stats.weakKeys++;
        }
        Object status = page.property(settings.properties().status());
        Object name = page.property(settings.properties().name());
        return Optional.of(new SuppressionEntry(key.get().key().toString(), strong, page.id(),
                status == null ? null : status.toString(), name == null ? null : name.toString(), page.lastEditedTime()));
    }

    /** Sorted by last edit, ascending; from the watermark's minute on when there is one; trashed pages or live ones. */
    static ObjectNode query(Instant since, boolean trashed) {
        ObjectNode body = NotionJson.object();
        if (since != null) {
            body.putObject("filter").put("timestamp", "last_edited_time").putObject("last_edited_time")
                    .put("on_or_after", since.truncatedTo(ChronoUnit.MINUTES).toString());
        }
        body.putArray("sorts").addObject().put("timestamp", "last_edited_time").put("direction", "ascending");
        if (trashed) {
            body.put("in_trash", true);
        }
        return body;
    }
}
