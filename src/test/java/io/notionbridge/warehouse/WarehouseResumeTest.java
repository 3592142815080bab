package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import io.notionbridge.notion.error.NotionErrorDetails;
import io.notionbridge.notion.error.NotionUnavailableException;
import io.notionbridge.notion.pagination.PageFetcher;
import io.notionbridge.store.JobRuns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A run that stops half-way is resumed from its checkpoint; a partial sync is safe to repeat. */
@Tag("db")
class WarehouseResumeTest extends WarehouseRouteTestSupport {

    @Test
    void aRunThatStopsAfterOnePageResumesFromItsCheckpoint() throws Exception {
        AtomicInteger queries = new AtomicInteger();
        PageFetcher crashesOnSecondQuery = request -> {
            if (request.path().endsWith("/query") && queries.incrementAndGet() == 2) {
                throw new NotionUnavailableException(NotionErrorDetails.local("network_error", "connection reset (test)",
                        request.endpoint()));
            }
            return notion().call(request);
        };
        WarehouseSyncJob crashing = new WarehouseSyncJob(job().settings(), job().target(),
                new WarehouseWatermarks(db.dataSource()), new JobRuns(db.dataSource()), crashesOnSecondQuery,
                context.getRegistry().lookupByNameAndType("warehouseClock", Clock.class));

        SyncStats failed = crashing.run("actions", false);

        assertThat(failed.outcome()).isEqualTo(SyncStats.Outcome.failed);
        assertThat(failed.error()).contains("connection reset");
        assertThat(count("database_name = ?", "actions")).as("the first page is stored").isEqualTo(100);
        ResumeState state = new WarehouseWatermarks(db.dataSource()).read("actions").orElseThrow().resume();
        assertThat(state.cursor()).isNotNull();
        assertThat(state.pages()).isEqualTo(100);
        assertThat(new JobRuns(db.dataSource()).last(WarehouseSettings.JOB, "actions").orElseThrow().outcome())
                .isEqualTo(JobRuns.Outcome.FAILED);

        SyncStats resumed = sync("actions", false).database("actions");

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.pagesFetched()).as("only the rest").isEqualTo(54);
        assertThat(resumed.inserted()).isEqualTo(54);
        assertThat(count("database_name = ?", "actions")).isEqualTo(154);
        assertThat(new WarehouseWatermarks(db.dataSource()).read("actions").orElseThrow().resume()).isNull();
    }

    @Test
    void aCursorNotionNoLongerTakesRestartsFromTheLastMinuteReached() throws Exception {
        sync("programs", false);
        WarehouseWatermarks wm = new WarehouseWatermarks(db.dataSource());
        WarehouseWatermarks.Row row = wm.read("programs").orElseThrow();
        ResumeState stale = new ResumeState("incremental", job().settings().database("programs").id(), row.updatedAt(),
                row.watermark(), 0, ResumeState.PAGES, null, "s:not-a-cursor-notion-knows", null, 3);
        try (var c = db.dataSource().getConnection()) {
            wm.checkpoint(c, "programs", stale, row.updatedAt());
        }

        SyncStats s = sync("programs", false).database("programs");

        assertThat(s.outcome()).isEqualTo(SyncStats.Outcome.ok);
        assertThat(s.resumed()).isTrue();
        assertThat(s.pagesFetched()).as("read again from the start of the walk").isEqualTo(5);
        assertThat(s.inserted() + s.updated()).isZero();
    }
}
