package io.notionbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import io.notionbridge.testing.ElectionMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leadership as the gateway and the job service see it, with the standalone and the file-lock services. */
class ClusterLeadershipTest {

    @TempDir
    Path locks;

    private ClusterSettings settings(String service, String node, long leaderWaitMs) {
        return ElectionMember.fileSettings(locks, node, Duration.ofMillis(leaderWaitMs)).withService(service);
    }

    @Test
    void aStandaloneInstanceLeadsFromTheStartAndStopsLeadingWhenStopped() throws Exception {
        ElectionMember solo = ElectionMember.start(settings("standalone", "solo", 0));
        ClusterLeadership l = solo.leadership();
        assertThat(l.isLeader()).isTrue();
        l.awaitLeader();
        assertThat(l.describe()).containsEntry("role", "leader").containsEntry("node", "solo");
        solo.close();
        assertThat(l.isLeader()).isFalse();
    }

    @Test
    void withASharedLockOneInstanceLeadsTheOtherWaitsAndTakesOverWhenTheLeaderStops() throws Exception {
        ElectionMember a = ElectionMember.leader(locks, "node-a");
        ClusterLeadership la = a.leadership();
        ElectionMember b = ElectionMember.start(settings("file", "node-b", 300));
        ClusterLeadership lb = b.leadership();
        try {
            assertThatThrownBy(lb::awaitLeader).isInstanceOf(NotLeaderException.class)
                    .hasMessageContaining("node-b").hasMessageContaining("stand-by");
            assertThat(((NotLeaderException) catchNotLeader(lb)).status()).isEqualTo(409);
            assertThat(la.isLeader()).isTrue();
            assertThat(lb.describe()).containsEntry("role", "stand-by");

            long stopped = System.nanoTime();
            a.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!lb.isLeader() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(lb.isLeader()).as("node-b takes over").isTrue();
            long tookMs = (System.nanoTime() - stopped) / 1_000_000;
            assertThat(tookMs).as("takeover within the bound of " + lb.settings().takeoverBound())
                    .isLessThanOrEqualTo(lb.settings().takeoverBound().toMillis());
        } finally {
            b.close();
            a.close();
        }
    }

    private static RuntimeException catchNotLeader(ClusterLeadership l) throws InterruptedException {
        try {
            l.awaitLeader();
            return null;
        } catch (NotLeaderException e) {
            return e;
        }
    }
}
