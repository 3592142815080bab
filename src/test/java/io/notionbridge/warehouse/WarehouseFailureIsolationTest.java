package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import io.notionbridge.store.JobRuns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One database that fails does not stop the others. */
@Tag("db")
class WarehouseFailureIsolationTest extends WarehouseRouteTestSupport {

    @Override
    protected void warehouseProperties(Properties p) {
        p.setProperty("bridge.warehouse.databases", "ghost,programs,unset");
        p.setProperty("bridge.warehouse.database.ghost.id", "5d1f0c2e-8a4b-4c3d-9e2f-1a2b3c4d5e6f");
        p.setProperty("bridge.warehouse.database.unset.id", "changeme");
    }

    @Test
    void aFailingDatabaseIsReportedAndTheOthersRun() throws Exception {
        WarehouseSyncReport report = sync(null, false);

        assertThat(report.ok()).isFalse();
        assertThat(report.database("ghost").outcome()).isEqualTo(SyncStats.Outcome.failed);
        assertThat(report.database("ghost").error()).contains("404");
        assertThat(report.database("unset").error())
                .startsWith("BLOCKED: set WAREHOUSE_DB_UNSET_ID to the Notion database id of \"unset\"");
        assertThat(report.database("programs").outcome()).isEqualTo(SyncStats.Outcome.ok);
        assertThat(report.database("programs").inserted()).isEqualTo(5);
        assertThat(new JobRuns(db.dataSource()).last(WarehouseSettings.JOB, "ghost").orElseThrow().outcome())
                .isEqualTo(JobRuns.Outcome.FAILED);
    }
}
