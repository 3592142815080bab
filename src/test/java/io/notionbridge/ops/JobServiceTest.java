package io.notionbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import io.notionbridge.suppression.SuppressionSyncStats;
import io.notionbridge.testing.BridgeRouteTestSupport;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Jobs by name: run now (also as a dry run), pause and resume the timers, status from the run history. */
@Tag("db")
class JobServiceTest extends BridgeRouteTestSupport {

    @Override
    protected void extraProperties(Properties p) {
        p.setProperty("bridge.sandbox.port", "0");
        p.setProperty("bridge.sandbox.rate-limit", "off");
        p.setProperty("bridge.notion.rate-limit", "500");
        p.setProperty("bridge.suppression.delay-ms", "3600000");
        p.setProperty("bridge.housekeeping.delay-ms", "3600000");
    }

    private JobService jobs() {
        return context.getRegistry().lookupByNameAndType("jobService", JobService.class);
    }

    @Test
    void runsAJobNowAndReportsItsStatusFromTheHistory() {
        assertThat(jobs().jobs()).extracting(JobDefinition::name).contains("suppression-sync", "housekeeping");
        Object dry = jobs().run("suppression-sync", true, Map.of());
        assertThat(dry).isInstanceOfSatisfying(SuppressionSyncStats.class, s -> assertThat(s.dryRun).isTrue());
        assertThat(jobs().status("suppression-sync").runs()).as("a dry run leaves no history").isZero();

        jobs().run("suppression-sync", false, Map.of("full", true));
        JobStatus st = jobs().status("suppression-sync");
        assertThat(st.runs()).isEqualTo(1);
        assertThat(st.lastOutcome()).isEqualTo("ok");
        assertThat(st.lastStats().get("pagesFetched").asInt()).isPositive();
        assertThat(st.consecutiveFailures()).isZero();
    }

    @Test
    void aPauseIsKeptInTheStoreForEveryInstanceAndResumeLiftsIt() throws Exception {
        jobs().pause("suppression-sync");
        jobs().pause("suppression-sync");
        assertThat(jobs().isPaused("suppression-sync")).isTrue();
        assertThat(jobs().status("suppression-sync").paused()).isTrue();
        assertThat(new JobPauses(db.dataSource(), java.time.Clock.systemUTC()).paused()).as("what another instance reads")
                .containsExactly("suppression-sync");
        assertThat(context.getRouteController().getRouteStatus("suppression-sync-timer"))
                .as("the timer itself is left alone; its ticks are skipped").isNotEqualTo(ServiceStatus.Stopped);
        jobs().resume("suppression-sync");
        assertThat(jobs().isPaused("suppression-sync")).isFalse();
        assertThat(new JobPauses(db.dataSource(), java.time.Clock.systemUTC()).paused()).isEmpty();
        assertThatThrownBy(() -> jobs().pause("nope")).isInstanceOf(JobService.UnknownJobException.class);
    }

    @Test
    void aPausedWarehouseDatabaseIsSkippedAndJobsWithoutADryRunRefuseOne() throws Exception {
        assertThatThrownBy(() -> jobs().run("warehouse-sync", true, Map.of())).hasMessageContaining("has no dry run");
        jobs().pause("warehouse-sync-risks");
        jobs().run("warehouse-sync", false, Map.of());
        assertThat(jobs().status("warehouse-sync-projects").runs()).isEqualTo(1);
        assertThat(jobs().status("warehouse-sync-risks").runs()).as("paused: skipped by the run over every database").isZero();
        jobs().run("warehouse-sync-risks", false, Map.of());
        assertThat(jobs().status("warehouse-sync-risks").runs()).as("a paused job still runs by hand").isEqualTo(1);
    }

    @Test
    void anUnknownJobNamesTheJobsThereAre() {
        assertThatThrownBy(() -> jobs().run("nope", false, Map.of())).hasMessageContaining("no job 'nope'")
                .hasMessageContaining("suppression-sync");
    }
}
