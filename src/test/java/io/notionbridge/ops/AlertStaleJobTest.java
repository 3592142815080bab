package io.notionbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.notionbridge.testing.BridgeRouteTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A job that has not run for twice its interval raises an alert, once the runtime has been up that long. */
@Tag("db")
class AlertStaleJobTest extends BridgeRouteTestSupport {

    @Override
    protected void extraProperties(Properties p) {
        fastSandbox(p);
        // the suppression sync is due every second, but its timer is off: it never runs
        p.setProperty("bridge.suppression.period-ms", "1000");
    }

    @Test
    void aJobThatStoppedRunningAlertsAndAPausedOneDoesNot() throws Exception {
        JobService jobs = context.getRegistry().lookupByNameAndType("jobService", JobService.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<?> sent = List.of();
        while (System.nanoTime() < deadline) {
            sent = template.requestBody("direct:alerts-check", null, List.class);
            if (!sent.isEmpty()) {
                break;
            }
            Thread.onSpinWait();
        }
        assertThat(sent).anySatisfy(a -> assertThat(a.toString())
                .contains("job suppression-sync has not run for more than twice its interval"));

        jobs.pause("suppression-sync");
        assertThat(template.requestBody("direct:alerts-check", null, List.class))
                .as("paused on purpose: resolved, not alerting").anySatisfy(a -> assertThat(a.toString()).contains("resolved"));
    }
}
