package io.notionbridge.gateway;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: Notion answers {@code GET /v1/users/me} with the configured token (cached, see {@link NotionIdentity}).
 * While Notion has asked all traffic to pause, the check reports the pause instead of calling. A stand-by of a cluster
 * does not call Notion at all (only the leader does), so it reports its role instead.
 */
public class NotionHealthCheck extends AbstractHealthCheck {

    private final NotionIdentity identity;
    private final NotionTrafficPause pause;
    private final BooleanSupplier standBy;

    public NotionHealthCheck(NotionIdentity identity, NotionTrafficPause pause) {
        this(identity, pause, () -> false);
    }

    /** @param standBy true while this instance is a stand-by of a cluster (another instance talks to Notion) */
    public NotionHealthCheck(NotionIdentity identity, NotionTrafficPause pause, BooleanSupplier standBy) {
        super("bridge", "notion");
        this.identity = identity;
        this.pause = pause;
        this.standBy = standBy;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (standBy.getAsBoolean()) {
            builder.message("stand-by: Notion is called only by the cluster leader").up();
            return;
        }
        if (pause.isPaused()) {
            builder.detail("pausedUntil", pause.pausedUntil().toString());
            builder.message("Notion asked for a pause in traffic; requests resume at " + pause.pausedUntil()).up();
            return;
        }
        NotionIdentity.Check c = identity.check();
        builder.detail("checkedAt", c.at().toString());
        builder.message(c.message());
        if (c.up()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
