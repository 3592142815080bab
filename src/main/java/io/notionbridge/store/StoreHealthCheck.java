package io.notionbridge.store;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness and liveness of the store: a connection can be had and answers within two seconds. */
public class StoreHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;

    public StoreHealthCheck(DataSource dataSource) {
        super("bridge", "store");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(2)) {
                builder.up();
            } else {
                builder.message("database connection is not valid").down();
            }
        } catch (Exception e) {
            builder.message("database unreachable: " + Database.rootMessage(e)).error(e).down();
        }
    }
}
