package io.notionbridge.warehouse;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.config.BridgeException;
import io.notionbridge.gateway.NotionTrafficPause;
import io.notionbridge.notion.NotionClock;
import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.pagination.PageFetcher;
import io.notionbridge.store.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse sync job (bean {@code warehouseSyncJob}), called by {@code routes/warehouse-sync.camel.yaml}: the
 * databases a run covers, then one {@link #run} per database. A database that fails is recorded as failed and does not
 * stop the others. Every run is logged as one JSON line, recorded in {@code job_runs} and kept with the watermark.
 */
public class WarehouseSyncJob {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseSyncJob.class);

    private final WarehouseSettings settings;
    private final WarehouseTarget target;
    private final WarehouseWatermarks watermarks;
    private final JobRuns jobRuns;
    private final PageFetcher gateway;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, List<String>> dataSources = new ConcurrentHashMap<>();
    private volatile java.util.function.Predicate<String> paused = name -> false;
    private volatile java.util.function.Supplier<NotionTrafficPause.Tally> pauses = () -> new NotionTrafficPause.Tally(0, 0);

    /**
     * @param gateway how Notion is called: {@code notionClient::call} (through the gateway route)
     * @param clock   Notion's time ({@link NotionClock})
     */
    public WarehouseSyncJob(WarehouseSettings settings, WarehouseTarget target, WarehouseWatermarks watermarks, JobRuns jobRuns,
                            PageFetcher gateway, Clock clock) {
        this.settings = settings;
        this.target = target;
        this.watermarks = watermarks;
        this.jobRuns = jobRuns;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Databases for which {@code paused} holds are skipped when a run covers every database (the timers). */
    public void skipWhen(java.util.function.Predicate<String> paused) {
        this.paused = paused;
    }

    /** Where the run's statistics read the gateway's traffic pauses from (the shared {@link NotionTrafficPause}). */
    public void pausesFrom(java.util.function.Supplier<NotionTrafficPause.Tally> pauses) {
        this.pauses = pauses;
    }

    public WarehouseSettings settings() {
        return settings;
    }

    public WarehouseTarget target() {
        return target;
    }

    /** The names a run covers: {@code only} (checked against the configuration), or every configured database. */
    public List<String> databases(String only) {
        if (only == null || only.isBlank()) {
            if (settings.databases().isEmpty()) {
                throw new BridgeException("no warehouse databases configured (bridge.warehouse.databases)");
            }
            List<String> all = new ArrayList<>();
            for (String n : settings.names()) {
                if (paused.test(n)) {
                    LOG.info("Warehouse sync: database {} is paused; skipped", n);
                } else {
                    all.add(n);
                }
            }
            return all;
        }
        List<String> names = new ArrayList<>();
        for (String n : only.split(",")) {
            if (!n.isBlank()) {
                names.add(settings.database(n).name());
            }
        }
        return names;
    }

    /** Syncs one database; never throws for a failure of that database (the statistics say it failed). */
    public SyncStats run(String name, Boolean fullRefresh) {
        boolean full = Boolean.TRUE.equals(fullRefresh);
        WarehouseSettings.WarehouseDatabase db = settings.database(name);
        ReentrantLock lock = locks.computeIfAbsent(db.name(), n -> new ReentrantLock());
        if (!lock.tryLock()) {
            SyncStats skipped = new SyncStats(db.name(), db.check().id(), full ? "full" : "incremental", clock.instant());
            skipped.outcome = SyncStats.Outcome.skipped;
            skipped.error = "a sync of this database is already running";
            LOG.info("Warehouse sync {}: skipped, a sync of this database is already running", db.name());
            return skipped;
        }
        try {
            return runLocked(db, full);
        } finally {
            lock.unlock();
        }
    }

    private SyncStats runLocked(WarehouseSettings.WarehouseDatabase db, boolean full) {
        long runId = jobRuns.start(WarehouseSettings.JOB, db.name(), false);
        NotionTrafficPause.Tally pausesBefore = pauses.get();
        DatabaseSync sync = null;
        SyncStats stats;
        try {
            String id = db.id();
            BronzePages bronze = target.bronze();
            bronze.init();
            DatabaseSync.Context ctx = new DatabaseSync.Context(bronze, watermarks, target.sharedTransaction(), clock,
                    settings.consistencyBuffer(), new ReferenceCompleter(settings.completeReferences()),
                    settings.includeTrash(), this::dataSourceIds);
            sync = new DatabaseSync(ctx, db.name(), id, full, gateway);
            sync.onFinish(s -> recordPauses(s, pausesBefore));
            stats = sync.run();
            if (stats.referencesTruncated() > 0 && !settings.completeReferences()) {
                LOG.warn("Warehouse sync {}: {} value(s) show only their first 25 references and were not completed "
                        + "(bridge.warehouse.complete-references=false)", db.name(), stats.referencesTruncated());
            }
            LOG.info("Warehouse sync {}: {}", db.name(), stats.toJson());
            jobRuns.finish(runId, JobRuns.Outcome.OK, stats, null);
            return stats;
        } catch (RuntimeException | SQLException e) {
            if (sync != null) {
                sync.finishStats();
                stats = sync.stats();
            } else {
                stats = new SyncStats(db.name(), db.check().id(), full ? "full" : "incremental", clock.instant());
                recordPauses(stats, pausesBefore);
            }
            stats.outcome = SyncStats.Outcome.failed;
            stats.error = message(e);
            LOG.error("Warehouse sync {} failed (a new run resumes where it stopped): {}", db.name(), stats.toJson());
            try {
                jobRuns.finish(runId, JobRuns.Outcome.FAILED, stats, stats.error);
                watermarks.recordStats(db.name(), stats, clock.instant());
            } catch (RuntimeException | SQLException again) {
                LOG.warn("Warehouse sync {}: could not record the failed run: {}", db.name(), again.getMessage());
            }
            return stats;
        }
    }

    private void recordPauses(SyncStats stats, NotionTrafficPause.Tally before) {
        NotionTrafficPause.Tally during = pauses.get().since(before);
        stats.recordPauses(during.pauses(), during.pausedMillis());
    }

    /** The report of a whole run, from the split's list of per-database statistics. */
    public WarehouseSyncReport report(List<SyncStats> stats) {
        return new WarehouseSyncReport(stats == null ? List.of() : stats);
    }

    /** A database's data source ids, resolved once per runtime through the run's fetcher (so the request is counted). */
    List<String> dataSourceIds(String databaseId, PageFetcher fetcher) {
        List<String> known = dataSources.get(databaseId);
        if (known != null) {
            return known;
        }
        JsonNode db = fetcher.fetch(NotionRequest.get("/v1/databases/" + NotionRequest.segment(databaseId)));
        List<String> ids = new ArrayList<>();
        db.path("data_sources").forEach(ds -> ids.add(ds.path("id").asText()));
        if (ids.isEmpty()) {
            throw new BridgeException("Notion database " + databaseId + " has no data source the integration can see; "
                    + "check that the id is a database id (not a page or view id) and that it is shared with the integration");
        }
        dataSources.put(databaseId, List.copyOf(ids));
        return ids;
    }

    static String message(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
