package io.notionbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static ClusterSettings settings(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return ClusterSettings.from(BridgeConfig.load(null, p));
    }

    @Test
    void oneInstanceIsTheDefaultAndNamesItselfAfterHostAndProcess() {
        ClusterSettings s = settings();
        assertThat(s.service()).isEqualTo("standalone");
        assertThat(s.namespace()).isEqualTo("notion-bridge");
        assertThat(s.nodeId()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(s.leaderWait()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theFileServiceTakesItsLockDirectoryTimingAndKubernetesOptions() {
        ClusterSettings s = settings("bridge.cluster.service", "FILE", "bridge.cluster.root", "/shared/lock",
                "bridge.cluster.node-id", "bridge-a", "bridge.cluster.lock-interval-ms", "2000",
                "bridge.cluster.heartbeat-timeout", "4", "bridge.cluster.kubernetes.lease-duration-millis", "9000");
        assertThat(s.service()).isEqualTo("file");
        assertThat(s.root()).isEqualTo("/shared/lock");
        assertThat(s.nodeId()).isEqualTo("bridge-a");
        assertThat(s.takeoverBound()).as("interval x (heartbeats + 2)").isEqualTo(Duration.ofSeconds(12));
        assertThat(s.kubernetes()).isEqualTo(Map.of("lease-duration-millis", "9000"));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> settings("bridge.cluster.service", "zookeeper")).isInstanceOf(BridgeException.class)
                .hasMessageContaining("bridge.cluster.service must be one of standalone, file, kubernetes; got 'zookeeper'");
        assertThatThrownBy(() -> settings("bridge.cluster.namespace", "Notion Bridge")).isInstanceOf(BridgeException.class)
                .hasMessageContaining("bridge.cluster.namespace");
        assertThatThrownBy(() -> settings("bridge.cluster.lock-interval-ms", "10")).isInstanceOf(BridgeException.class)
                .hasMessageContaining("lock-interval-ms must be at least 100");
        assertThatThrownBy(() -> settings("bridge.cluster.heartbeat-timeout", "1")).isInstanceOf(BridgeException.class)
                .hasMessageContaining("heartbeat-timeout must be at least 2");
    }

    @Test
    void kubernetesNeedsItsBuildProfile() {
        ClusterSettings s = settings("bridge.cluster.service", "kubernetes");
        assertThatThrownBy(() -> ClusterServices.create(s, null)).isInstanceOf(BridgeException.class)
                .hasMessageContaining("mvn -Pkubernetes");
    }
}
