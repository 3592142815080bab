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
}
