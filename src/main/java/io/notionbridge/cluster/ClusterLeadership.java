package io.notionbridge.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance leads the election of {@link ClusterSettings#namespace()}, the one the {@code master:} timers
 * of the Notion-facing jobs take part in. The gateway asks it before every Notion request ({@link #awaitLeader}), so a
 * stand-by never spends the integration's rate limit. Every change of role is logged with the time it took.
 */
public class ClusterLeadership extends ServiceSupport implements CamelClusterEventListener.Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLeadership.class);

    private final ClusterSettings settings;
    private final CamelClusterService service;
    private final Clock clock;
    private final Object monitor = new Object();
    private CamelClusterView view;
    private volatile boolean leader;
    private volatile Instant since;
    private volatile Instant startedAt;
    private volatile long leaderships;

    public ClusterLeadership(ClusterSettings settings, CamelClusterService service, Clock clock) {
        this.settings = settings;
        this.service = service;
        this.clock = clock;
    }

    @Override
    protected void doStart() throws Exception {
        startedAt = clock.instant();
        since = startedAt;
        LOG.info("Cluster: service {}, election '{}', this instance is node {}{}", settings.service(), settings.namespace(),
                settings.nodeId(), ClusterSettings.FILE.equals(settings.service()) ? " (lock directory " + settings.root()
                + "; a stand-by takes over at most " + settings.takeoverBound().toMillis() + " ms after the leader dies)" : "");
        view = service.getView(settings.namespace());
        view.addEventListener(this);
    }

    @Override
    protected void doStop() throws Exception {
        if (view != null) {
            view.removeEventListener(this);
            service.releaseView(view);
            view = null;
        }
        change(false);
    }

    @Override
    public void leadershipChanged(CamelClusterView v, CamelClusterMember member) {
        change(member != null && member.isLocal());
    }

    private void change(boolean nowLeader) {
        synchronized (monitor) {
            if (nowLeader == leader) {
                return;
            }
            Instant now = clock.instant();
            Duration after = Duration.between(since, now);
            leader = nowLeader;
            since = now;
            if (nowLeader) {
                leaderships++;
                LOG.info("Cluster: node {} is now the LEADER of '{}' ({} ms after {}): Notion-facing jobs and Notion traffic "
                        + "run here", settings.nodeId(), settings.namespace(), after.toMillis(),
                        leaderships == 1 ? "start" : "losing it");
            } else if (isRunAllowed()) {
                LOG.warn("Cluster: node {} is now a STAND-BY of '{}' after leading for {} ms: its Notion-facing jobs stop, "
                        + "HTTP intake goes on", settings.nodeId(), settings.namespace(), after.toMillis());
            }
            monitor.notifyAll();
        }
    }

    public boolean isLeader() {
        return leader;
    }

    /** When this instance became the leader; null while it is a stand-by. */
    public Instant leaderSince() {
        synchronized (monitor) {
            return leader ? since : null;
        }
    }

    /** {@code leader} or {@code stand-by}. */
    public String role() {
        return leader ? "leader" : "stand-by";
    }

    public ClusterSettings settings() {
        return settings;
    }

    /**
     * Returns when this instance leads; waits up to {@link ClusterSettings#leaderWait()} for it (an instance that just
     * started takes a moment to win the election), then refuses.
     *
     * @throws NotLeaderException when this instance is still a stand-by
     */
    public void awaitLeader() throws InterruptedException {
        awaitLeaderFor("Notion traffic");
    }

    /** {@link #awaitLeader()}, naming {@code what} waits in the refusal. */
    public void awaitLeaderFor(String what) throws InterruptedException {
        if (leader) {
            return;
        }
        long deadline = System.nanoTime() + settings.leaderWait().toNanos();
        synchronized (monitor) {
            while (!leader) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new NotLeaderException(settings.nodeId(), what);
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Role and election details for {@code /api/info} and health. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", settings.service());
        m.put("namespace", settings.namespace());
        m.put("node", settings.nodeId());
        m.put("role", role());
        m.put("since", since == null ? null : since.toString());
        if (ClusterSettings.FILE.equals(settings.service())) {
            m.put("lockDirectory", settings.root());
            m.put("takeoverBoundMs", settings.takeoverBound().toMillis());
        }
        return m;
    }
}
