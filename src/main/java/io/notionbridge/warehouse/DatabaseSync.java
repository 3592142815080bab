package io.notionbridge.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionObjectNotFoundException;
import io.notionbridge.notion.error.NotionValidationException;
import io.notionbridge.notion.pagination.PageFetcher;
import io.notionbridge.notion.pagination.Paginator;
import io.notionbridge.notion.pagination.ResultPage;
import io.notionbridge.store.Transactions;
import io.notionbridge.notion.property.NotionDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the warehouse sync for one database: reads the watermark, walks the database's data sources (and their
 * trash) page by page, upserts each page of results and checkpoints after it, then (full refresh) marks the rows of
 * pages Notion no longer returns, and finally moves the watermark. See {@code docs/warehouse.md} for the guarantees.
 * Not thread-safe: one instance per run, under the database's lock.
 */
final class DatabaseSync {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSync.class);
    /** Pages of results Notion is asked for ahead of the one being written. */
    static final int PREFETCH = 2;

    /** What the run needs from the job around it. */
    record Context(BronzePages bronze, WarehouseWatermarks watermarks, boolean sharedTransaction, Clock clock,
                   Duration buffer, ReferenceCompleter completer, boolean includeTrash, DataSources dataSources) {
    }

    /** Resolves a database's data source ids (cached by the job), through the run's fetcher. */
    interface DataSources {
        List<String> of(String databaseId, PageFetcher fetcher);
    }

    private final Context ctx;
    private final String name;
    private final String databaseId;
    private final boolean fullRefresh;
    private final CountingFetcher counting;
    private final PageSizeFallback fetcher;
    private final SyncStats stats;
    private final Set<String> seen = new HashSet<>();
    private final Instant started;

    private Instant runStart;
    private Instant from;
    private String lastPageId;
    private long pages;
    private boolean trashSupported = true;
    private java.util.function.Consumer<SyncStats> onFinish = s -> { };

    DatabaseSync(Context ctx, String name, String databaseId, boolean fullRefresh,
                 PageFetcher gateway) {
        this.ctx = ctx;
        this.name = name;
        this.databaseId = databaseId;
        this.fullRefresh = fullRefresh;
        this.counting = new CountingFetcher(gateway);
        this.fetcher = new PageSizeFallback(counting);
        this.started = ctx.clock().instant();
        this.stats = new SyncStats(name, databaseId, fullRefresh ? "full" : "incremental", started);
    }

    /** Called by {@link #finishStats()}, when the statistics are complete (before they are stored). */
    void onFinish(java.util.function.Consumer<SyncStats> onFinish) {
        this.onFinish = onFinish;
    }

    SyncStats stats() {
        stats.notionRequests = counting.count();
        stats.pageSizeReductions = fetcher.reductions();
        return stats;
    }

    /** Runs the sync; the statistics are complete when it returns, and partial (see {@link #stats()}) when it throws. */
    SyncStats run() throws SQLException {
        WarehouseWatermarks.Row row = ctx.watermarks().read(name).orElse(null);
        // a watermark only counts with rows behind it: after a new target, a dropped table or a store restored without
        // the bronze table, the run starts over instead of trusting it
        boolean sameDatabase = row != null && sameDatabase(row) && ctx.bronze().hasRows(databaseId);
        Instant previous = sameDatabase ? row.watermark() : null;
        ResumeState resume = sameDatabase && !fullRefresh && row.resume() != null
                && "incremental".equals(row.resume().mode()) && databaseId.equals(row.resume().databaseId())
                ? row.resume() : null;
        runStart = resume != null ? resume.runStart() : started;
        from = fullRefresh ? null : resume != null ? resume.from() : previous;
        stats.resumed = resume != null;
        if (resume != null) {
            pages = resume.pages();
            LOG.info("Warehouse sync {}: resuming the run of {} at data source {} ({}), {} page(s) already read", name,
                    resume.runStart(), resume.dataSource(), resume.phase(), resume.pages());
        }

        List<String> dataSources = ctx.dataSources().of(databaseId, fetcher);
        for (int i = resume == null ? 0 : Math.min(resume.dataSource(), dataSources.size()); i < dataSources.size(); i++) {
            boolean resumeHere = resume != null && i == resume.dataSource();
            for (String phase : List.of(ResumeState.PAGES, ResumeState.TRASH)) {
                if (phase.equals(ResumeState.TRASH) && !walksTrash()) {
                    continue;
                }
                if (resumeHere && phase.equals(ResumeState.PAGES) && resume.phase().equals(ResumeState.TRASH)) {
                    continue;
                }
                boolean resumeWalk = resumeHere && phase.equals(resume.phase());
                walk(i, dataSources.get(i), phase, resumeWalk ? resume : null);
            }
        }
        if (fullRefresh) {
            reconcile(dataSources);
        }
        Instant watermark = Watermark.next(previous, runStart, ctx.buffer());
        stats.watermark = watermark;
        finishStats();
        try (Connection c = ctx.watermarks().dataSource().getConnection()) {
            ctx.watermarks().complete(c, name, watermark, lastPageId, stats, ctx.clock().instant());
        }
        return stats;
    }

    /**
     * Whether each data source's trash is walked right after it: in incremental runs, so a page trashed since the
     * watermark gets {@code in_trash}. A full refresh reads the trash only when pages went missing
     * ({@link #reconcile}), which costs nothing when none did.
     */
    private boolean walksTrash() {
        return !fullRefresh && ctx.includeTrash() && trashSupported;
    }

    void finishStats() {
        stats();
        stats.durationMs = Duration.between(started, ctx.clock().instant()).toMillis();
        onFinish.accept(stats);
    }

    /** The watermark row belongs to this database id (a changed id in the configuration starts over). */
    private boolean sameDatabase(WarehouseWatermarks.Row row) {
        if (row.resume() != null && row.resume().databaseId() != null) {
            return databaseId.equals(row.resume().databaseId());
        }
        if (row.lastRunStats() == null) {
            return true;
        }
        try {
            String id = SyncStats.fromJson(row.lastRunStats()).databaseId();
            return id == null || id.equals(databaseId);
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }

    /** Walks one data source (or its trash) to the end, from a resume point when given. */
    private void walk(int index, String dataSourceId, String phase, ResumeState resume) throws SQLException {
        boolean trash = phase.equals(ResumeState.TRASH);
        Instant walkFrom = resume != null ? resume.walkFrom() : from;
        String cursor = resume == null ? null : resume.cursor();
        long before = pages;
        try {
            walkFrom(index, dataSourceId, phase, trash, walkFrom, cursor, resume == null ? null : resume.minute());
        } catch (NotionValidationException e) {
            if (cursor != null && pages == before) {
                // Notion no longer takes the saved cursor: ask again from the last minute the walk had reached
                Instant restart = resume.minute() != null ? resume.minute() : walkFrom;
                LOG.info("Warehouse sync {}: Notion refused the saved cursor ({}); reading again from {}", name,
                        e.notionMessage(), restart == null ? "the first page" : restart);
                walkFrom(index, dataSourceId, phase, trash, restart, null, resume.minute());
            } else if (trash && pages == before) {
                trashSupported = false;
                LOG.warn("Warehouse sync {}: Notion refused a query of the trash ({}); trashed pages are found by the "
                        + "full refresh instead", name, e.notionMessage());
            } else {
                throw e;
            }
        }
        // the walk is done: a resume starts at the next walk
        boolean last = trash || !walksTrash();
        checkpoint(null, new ResumeState(stats.mode, databaseId, runStart, from, last ? index + 1 : index,
                last ? ResumeState.PAGES : ResumeState.TRASH, from, null, null, pages));
    }

    private void walkFrom(int index, String dataSourceId, String phase, boolean trash, Instant walkFrom, String cursor,
                          Instant minuteSoFar) {
        ObjectNode body = fullRefresh ? Watermark.fullQuery(trash) : Watermark.incrementalQuery(walkFrom, trash);
        Paginator paginator = Paginator.of(NotionRequest.query(dataSourceId, body), fetcher).withClock(ctx.clock());
        if (cursor != null) {
            paginator = paginator.startingAt(cursor);
        }
        Instant[] minute = {minuteSoFar};
        PrefetchingWalk.run(paginator, PREFETCH, "warehouse-walk-" + name, page -> {
            Instant newest = newestEdit(page.results());
            if (newest != null) {
                minute[0] = newest;
            }
            ResumeState state = new ResumeState(stats.mode, databaseId, runStart, from, index, phase, walkFrom,
                    page.window() == null ? page.nextCursor() : null, page.window() == null ? minute[0] : null,
                    pages + page.results().size());
            try {
                store(page, dataSourceId, state);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write to the warehouse table " + ctx.bronze().table() + ": "
                        + e.getMessage(), e);
            }
        });
    }

    /** Upserts one page of results and checkpoints, in one transaction when the target is the store. */
    private void store(ResultPage page, String dataSourceId, ResumeState state) throws SQLException {
        List<JsonNode> results = page.results();
        pages += results.size();
        stats.pagesFetched += results.size();
        List<BronzeRow> rows = new ArrayList<>(results.size());
        for (JsonNode result : results) {
            rows.add(row(result, dataSourceId));
            lastPageId = result.path("id").asText();
            seen.add(lastPageId);
        }
        checkpoint(rows, state);
    }

    private BronzeRow row(JsonNode page, String dataSourceId) {
        ReferenceCompleter.Result completion = ctx.completer().complete(page, fetcher);
        stats.referencesCompleted += completion.values();
        stats.referencesTruncated += completion.truncated();
        try {
            String raw = NotionJson.MAPPER.writeValueAsString(page);
            String completed = completion.completed() == null ? null
                    : NotionJson.MAPPER.writeValueAsString(completion.completed());
            String ds = dataSourceId != null ? dataSourceId : page.path("parent").path("data_source_id").asText(null);
            return new BronzeRow(page.path("id").asText(), databaseId, name, ds, raw, completed,
                    time(page.get("created_time")), time(page.get("last_edited_time")), inTrash(page),
                    ctx.clock().instant(), ContentHash.of(page, raw, completion.completed()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the rows that are new or changed, then the checkpoint (when given). */
    private void checkpoint(List<BronzeRow> rows, ResumeState state) throws SQLException {
        Instant now = ctx.clock().instant();
        if (rows != null && !rows.isEmpty()) {
            try (Connection c = ctx.bronze().dataSource().getConnection()) {
                Transactions.Work<Void> batch = tx -> {
                    write(tx, rows);
                    if (ctx.sharedTransaction() && state != null) {
                        ctx.watermarks().checkpoint(tx, name, state, now);
                    }
                    return null;
                };
                if (ctx.bronze().dialect().transactional()) {
                    Transactions.inTransaction(c, batch);
                } else {
                    batch.run(c);
                }
                if (ctx.sharedTransaction() || state == null) {
                    return;
                }
            }
        }
        if (state != null) {
            try (Connection c = ctx.watermarks().dataSource().getConnection()) {
                ctx.watermarks().checkpoint(c, name, state, now);
            }
        }
    }

    /** Upserts the rows whose content hash differs from the stored one (or that are new or marked deleted). */
    private void write(Connection c, List<BronzeRow> rows) throws SQLException {
        Map<String, BronzeRow> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.pageId(), r));
        Map<String, BronzePages.Existing> existing = ctx.bronze().existing(c, databaseId, byId.keySet());
        List<BronzeRow> changed = new ArrayList<>();
        for (BronzeRow r : byId.values()) {
            BronzePages.Existing e = existing.get(r.pageId());
            if (e == null) {
                stats.inserted++;
                changed.add(r);
            } else if (!e.contentHash().equals(r.contentHash()) || e.deletedFromSource()) {
                stats.updated++;
                changed.add(r);
            } else {
                stats.unchanged++;
            }
        }
        ctx.bronze().upsert(c, changed);
    }

    /**
     * Full refresh: rows of pages the query did not return. When there are any, the trash is walked first (trashed
     * pages are stored with {@code in_trash}); each page still missing is then read by id: trashed, or still in this
     * database (Notion's query missed it), it is stored as read; gone (404: deleted or no longer shared) or moved to
     * another database, its row is marked {@code deleted_from_source}.
     */
    private void reconcile(List<String> dataSources) throws SQLException {
        Set<String> missing;
        try (Connection c = ctx.bronze().dataSource().getConnection()) {
            missing = ctx.bronze().present(c, databaseId);
        }
        missing.removeAll(seen);
        if (!missing.isEmpty() && ctx.includeTrash()) {
            // one query per 100 trashed pages instead of one read per page; trashed pages stay, with in_trash
            for (int i = 0; i < dataSources.size() && trashSupported; i++) {
                walk(i, dataSources.get(i), ResumeState.TRASH, null);
            }
            missing.removeAll(seen);
        }
        List<String> gone = new ArrayList<>();
        List<BronzeRow> still = new ArrayList<>();
        for (String id : missing) {
            try {
                JsonNode page = fetcher.fetch(NotionRequest.get("/v1/pages/" + NotionRequest.segment(id)));
                stats.pagesFetched++;
                String parentDs = page.path("parent").path("data_source_id").asText("");
                String parentDb = page.path("parent").path("database_id").asText("");
                if (inTrash(page) || dataSources.contains(parentDs) || databaseId.equals(parentDb)) {
                    still.add(row(page, dataSources.contains(parentDs) ? parentDs : null));
                } else {
                    gone.add(id);
                }
            } catch (NotionObjectNotFoundException e) {
                gone.add(id);
            }
        }
        if (!still.isEmpty()) {
            for (int i = 0; i < still.size(); i += Paginator.MAX_PAGE_SIZE) {
                checkpoint(still.subList(i, Math.min(still.size(), i + Paginator.MAX_PAGE_SIZE)), null);
            }
        }
        try (Connection c = ctx.bronze().dataSource().getConnection()) {
            stats.markedDeleted += ctx.bronze().markDeleted(c, databaseId, gone, ctx.clock().instant());
        }
        if (!gone.isEmpty()) {
            LOG.info("Warehouse sync {}: {} page(s) no longer in Notion marked deleted_from_source", name, gone.size());
        }
    }

    private static Instant newestEdit(List<JsonNode> results) {
        Instant newest = null;
        for (JsonNode r : results) {
            Instant t = time(r.get("last_edited_time"));
            if (t != null && (newest == null || t.isAfter(newest))) {
                newest = t;
            }
        }
        return newest;
    }

    private static boolean inTrash(JsonNode page) {
        return page.has("in_trash") ? page.path("in_trash").asBoolean() : page.path("archived").asBoolean(false);
    }

    private static Instant time(JsonNode t) {
        return t == null || !t.isTextual() ? null : NotionDate.instant(t.asText());
    }
}
