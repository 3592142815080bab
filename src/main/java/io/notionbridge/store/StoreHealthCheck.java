package io.notionbridge.store;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the store: a connection can be had and answers. The probe runs on a thread of its own and the check
 * waits for it at most {@code timeout} ({@code bridge.db.health-timeout-ms}), so a store that hangs or is gone makes
 * the check DOWN within that time, never a hanging health answer. While a probe is still running, later checks wait
 * for that same probe instead of starting another one, so slow probes never pile up.
 */
public class StoreHealthCheck extends AbstractHealthCheck implements AutoCloseable {

    /** Default of {@code bridge.db.health-timeout-ms}. */
    public static final int DEFAULT_TIMEOUT_MS = 2_000;

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "store-health-probe");
        t.setDaemon(true);
        return t;
    });
    private Future<String> inFlight;

    public StoreHealthCheck(DataSource dataSource) {
        this(dataSource, Duration.ofMillis(DEFAULT_TIMEOUT_MS));
    }

    public StoreHealthCheck(DataSource dataSource, Duration timeout) {
        super("bridge", "store");
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String problem;
        try {
            problem = probe().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            problem = "store unreachable: no answer within " + timeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            problem = "store unreachable: " + Database.rootMessage(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "store check interrupted";
        }
        if (problem == null) {
            builder.up();
        } else {
            builder.message(problem).down();
        }
    }

    /** The running probe, or a new one when none runs. */
    private synchronized Future<String> probe() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = probes.submit(this::check);
        }
        return inFlight;
    }

    /** Null when the store answers; otherwise what is wrong. */
    private String check() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? null : "store unreachable: the database connection is not valid";
        } catch (Exception e) {
            return "store unreachable: " + Database.rootMessage(e);
        }
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
