package io.notionbridge.cluster;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Reports this instance's role. Both roles are ready: a stand-by serves the HTTP intake like the leader, so a load
 * balancer must keep sending it requests.
 */
public class ClusterHealthCheck extends AbstractHealthCheck {

    private final ClusterLeadership leadership;

    public ClusterHealthCheck(ClusterLeadership leadership) {
        super("bridge", "cluster");
        this.leadership = leadership;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        leadership.describe().forEach((k, v) -> builder.detail(k, v == null ? "" : v));
        builder.message("node " + leadership.settings().nodeId() + " is the " + leadership.role()
                + (leadership.isLeader() ? "" : ": Notion-facing jobs run on the leader")).up();
    }
}
