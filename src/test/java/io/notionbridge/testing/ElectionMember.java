package io.notionbridge.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.notionbridge.cluster.ClusterLeadership;
import io.notionbridge.cluster.ClusterServices;
import io.notionbridge.cluster.ClusterSettings;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Another instance's side of the leader election, in this JVM: a Camel context with only the cluster wiring of
 * {@code ClusterConfiguration} (lock interval 200 ms, heartbeat timeout 3), so a test can hold the lock a bridge under
 * test competes for.
 */
public final class ElectionMember implements AutoCloseable {

    private final DefaultCamelContext context;
    private final ClusterLeadership leadership;

    private ElectionMember(DefaultCamelContext context, ClusterLeadership leadership) {
        this.context = context;
        this.leadership = leadership;
    }

    /** The settings the members of a test use: file service on {@code root}, fast timing. */
    public static ClusterSettings fileSettings(Path root, String node, Duration leaderWait) {
        return new ClusterSettings("file", root.toString(), "notion-bridge", node, Duration.ofMillis(200), 3, leaderWait,
                Map.of());
    }

    /** Starts a member with {@code settings} (any service). */
    public static ElectionMember start(ClusterSettings settings) throws Exception {
        DefaultCamelContext ctx = new DefaultCamelContext();
        var service = ClusterServices.create(settings, ctx);
        ctx.addService(service);
        ClusterLeadership l = new ClusterLeadership(settings, service, Clock.systemUTC());
        ctx.addService(l);
        ctx.start();
        return new ElectionMember(ctx, l);
    }

    /** Starts a file-lock member on {@code root} and waits until it leads. */
    public static ElectionMember leader(Path root, String node) throws Exception {
        ElectionMember m = start(fileSettings(root, node, Duration.ofSeconds(10)));
        m.leadership.awaitLeader();
        return m;
    }

    public ClusterLeadership leadership() {
        return leadership;
    }

    /** Stops this member gracefully (it gives the lock up). */
    @Override
    public void close() {
        context.stop();
    }
}
