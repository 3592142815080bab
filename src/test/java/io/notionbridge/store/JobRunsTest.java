package io.notionbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.notionbridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class JobRunsTest {

    private TestDatabase db;
    private JobRuns runs;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        new Migrations(db.dataSource()).migrate();
        runs = new JobRuns(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aRunIsRecordedWithItsStatisticsAndOnlyFinishedRunsAreReported() {
        long first = runs.start("push", null, false);
        runs.finish(first, JobRuns.Outcome.OK, Map.of("processed", 3, "pushed", 2), null);
        long second = runs.start("push", null, true);
        assertThat(runs.last("push", null)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(first));
        runs.finish(second, JobRuns.Outcome.PARTIAL, Map.of("processed", 5, "errors", 1), "1 prospect failed");

        JobRuns.Run last = runs.last("push", null).orElseThrow();
        assertThat(last.id()).isEqualTo(second);
        assertThat(last.outcome()).isEqualTo(JobRuns.Outcome.PARTIAL);
        assertThat(last.dryRun()).isTrue();
        assertThat(last.stats().get("errors").asInt()).isEqualTo(1);
        assertThat(last.error()).isEqualTo("1 prospect failed");
        assertThat(last.finishedAt()).isAfterOrEqualTo(last.startedAt());
        assertThat(runs.recent("push", null, 10)).hasSize(2);
        assertThat(runs.last("warehouse-sync", "Projects")).isEmpty();
    }

    @Test
    void scopesAreKeptApart() {
        runs.finish(runs.start("warehouse-sync", "Projects", false), JobRuns.Outcome.OK, Map.of("pages", 10), null);
        runs.finish(runs.start("warehouse-sync", "Risks", false), JobRuns.Outcome.FAILED, null, "401 unauthorized");
        assertThat(runs.last("warehouse-sync", "Projects").orElseThrow().stats().get("pages").asInt()).isEqualTo(10);
        assertThat(runs.last("warehouse-sync", "Risks").orElseThrow().outcome()).isEqualTo(JobRuns.Outcome.FAILED);
    }

    @Test
    void unfinishedRunsStartedBeforeAnInstantAreEndedAsFailedAndARealEndStillWins() throws Exception {
        long done = runs.start("push", null, false);
        runs.finish(done, JobRuns.Outcome.OK, Map.of("pushed", 1), null);
        long abandoned = runs.start("warehouse-sync", "Projects", false);
        long stillGoing = runs.start("task-push", null, false);
        java.time.Instant cut = java.time.Instant.now();
        try (var c = db.dataSource().getConnection(); var ps = c.prepareStatement(
                "UPDATE job_runs SET started_at = ? WHERE id IN (?, ?)")) {
            ps.setObject(1, cut.minusSeconds(60).atOffset(java.time.ZoneOffset.UTC));
            ps.setLong(2, done);
            ps.setLong(3, abandoned);
            ps.executeUpdate();
            ps.setObject(1, cut.plusSeconds(1).atOffset(java.time.ZoneOffset.UTC));
            ps.setLong(2, stillGoing);
            ps.setLong(3, stillGoing);
            ps.executeUpdate();
        }

        assertThat(runs.closeUnfinished(cut, "interrupted")).isEqualTo(1);

        JobRuns.Run closed = runs.last("warehouse-sync", "Projects").orElseThrow();
        assertThat(closed.id()).isEqualTo(abandoned);
        assertThat(closed.outcome()).isEqualTo(JobRuns.Outcome.FAILED);
        assertThat(closed.error()).isEqualTo("interrupted");
        assertThat(runs.last("push", null).orElseThrow().outcome()).isEqualTo(JobRuns.Outcome.OK);
        assertThat(runs.last("task-push", null)).as("started after the instant: left alone").isEmpty();

        runs.finish(abandoned, JobRuns.Outcome.OK, Map.of("pages", 3), null);
        assertThat(runs.last("warehouse-sync", "Projects").orElseThrow().outcome()).isEqualTo(JobRuns.Outcome.OK);
    }
}
