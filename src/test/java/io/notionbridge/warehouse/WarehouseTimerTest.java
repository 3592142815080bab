package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

import io.notionbridge.store.JobRuns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** With the scheduler on, the incremental timer runs the same direct:warehouse-sync route by itself. */
@Tag("db")
class WarehouseTimerTest extends WarehouseRouteTestSupport {

    @Override
    protected void warehouseProperties(Properties p) {
        p.setProperty("bridge.scheduler.enabled", "true");
        p.setProperty("bridge.warehouse.databases", "programs");
        p.setProperty("bridge.warehouse.sync.delay-ms", "10");
        p.setProperty("bridge.warehouse.sync.period-ms", "3600000");
        p.setProperty("bridge.warehouse.full-refresh.delay-ms", "3600000");
        p.setProperty("bridge.housekeeping.delay-ms", "3600000");
    }

    @Test
    void theIncrementalTimerSyncsOnItsOwn() throws Exception {
        JobRuns runs = new JobRuns(db.dataSource());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Optional<JobRuns.Run> run = runs.last(WarehouseSettings.JOB, "programs");
        while (run.isEmpty() && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            run = runs.last(WarehouseSettings.JOB, "programs");
        }
        assertThat(run).as("a timer-driven run finished within 30 s").isPresent();
        assertThat(run.get().outcome()).isEqualTo(JobRuns.Outcome.OK);
        assertThat(run.get().stats().path("mode").asText()).isEqualTo("incremental");
        assertThat(count("database_name = ?", "programs")).isEqualTo(5);
        assertThat(context.getRouteController().getRouteStatus("warehouse-full-refresh-timer").isStarted()).isTrue();
    }
}
