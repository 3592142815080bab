package io.notionbridge.gateway;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: Notion answers {@code GET /v1/users/me} with the configured token (cached, see {@link NotionIdentity}).
 * While Notion has asked all traffic to pause, the check reports the pause instead of calling.
 */
public class NotionHealthCheck extends AbstractHealthCheck {

    private final NotionIdentity identity;
    private final NotionTrafficPause pause;

    public NotionHealthCheck(NotionIdentity identity, NotionTrafficPause pause) {
        super("bridge", "notion");
        this.identity = identity;
        this.pause = pause;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
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
