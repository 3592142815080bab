package io.notionbridge.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.notionbridge.config.BridgeConfig;
import io.notionbridge.config.BridgeException;

/**
 * How this instance finds out whether it is the leader ({@code bridge.cluster.*}): which cluster service, where its
 * lock lives, this instance's name, and how long a Notion call waits for leadership.
 *
 * @param service          {@code standalone} (one instance, always the leader), {@code file} (a lock file on a shared
 *                         volume) or {@code kubernetes} (a Kubernetes Lease; needs the {@code kubernetes} build profile)
 * @param root             directory of the lock files ({@code file} only)
 * @param namespace        name of the election: instances with the same namespace elect one leader
 * @param nodeId           this instance's name in logs, health and {@code /api/info}
 * @param lockInterval     how often the lock is tried and the leader's heartbeat written ({@code file})
 * @param heartbeatTimeout heartbeats a leader may miss before another instance takes over ({@code file})
 * @param leaderWait       how long a Notion call or a job run waits for this instance to become the leader (at start)
 * @param kubernetes       the {@code bridge.cluster.kubernetes.*} options, passed to the Kubernetes cluster service
 */
public record ClusterSettings(String service, String root, String namespace, String nodeId, Duration lockInterval,
                              int heartbeatTimeout, Duration leaderWait, Map<String, String> kubernetes) {

    public static final String STANDALONE = "standalone";
    public static final String FILE = "file";
    public static final String KUBERNETES = "kubernetes";
    private static final Set<String> SERVICES = Set.of(STANDALONE, FILE, KUBERNETES);

    public ClusterSettings {
        if (!SERVICES.contains(service)) {
            throw new BridgeException("bridge.cluster.service must be one of standalone, file, kubernetes; got '" + service + "'");
        }
        if (FILE.equals(service) && (root == null || root.isBlank())) {
            throw new BridgeException("bridge.cluster.root must name a directory on a volume all instances share when "
                    + "bridge.cluster.service=file");
        }
        if (namespace == null || !namespace.matches("[a-z0-9][a-z0-9.-]{0,62}")) {
            throw new BridgeException("bridge.cluster.namespace must be lower-case letters, digits, '.' or '-' (it names the "
                    + "lock); got '" + namespace + "'");
        }
        if (lockInterval.toMillis() < 100) {
            throw new BridgeException("bridge.cluster.lock-interval-ms must be at least 100, got " + lockInterval.toMillis());
        }
        if (heartbeatTimeout < 2) {
            throw new BridgeException("bridge.cluster.heartbeat-timeout must be at least 2 heartbeats, got " + heartbeatTimeout);
        }
        if (leaderWait.isNegative()) {
            throw new BridgeException("bridge.cluster.leader-wait-ms must not be negative");
        }
        kubernetes = Map.copyOf(kubernetes);
    }

    public static ClusterSettings from(BridgeConfig c) {
        String node = c.get("bridge.cluster.node-id", "").trim();
        return new ClusterSettings(
                c.get("bridge.cluster.service", STANDALONE).trim().toLowerCase(),
                c.get("bridge.cluster.root", "data/cluster").trim(),
                c.get("bridge.cluster.namespace", "notion-bridge").trim(),
                node.isEmpty() ? defaultNodeId() : node,
                Duration.ofMillis(c.getInt("bridge.cluster.lock-interval-ms", 1000)),
                c.getInt("bridge.cluster.heartbeat-timeout", 5),
                Duration.ofMillis(c.getInt("bridge.cluster.leader-wait-ms", 5000)),
                c.withPrefix("bridge.cluster.kubernetes."));
    }

    /** {@code <host>-<pid>}: unique per process on a machine and readable in logs. */
    static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** These settings with another cluster service. */
    public ClusterSettings withService(String other) {
        return new ClusterSettings(other, root, namespace, nodeId, lockInterval, heartbeatTimeout, leaderWait, kubernetes);
    }

    /** The longest a stand-by waits after the leader died before it takes over ({@code file}). */
    public Duration takeoverBound() {
        return lockInterval.multipliedBy(heartbeatTimeout + 2L);
    }
}
