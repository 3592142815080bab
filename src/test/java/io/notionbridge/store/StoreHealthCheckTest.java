package io.notionbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.notionbridge.testing.TestDatabase;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store's readiness check answers within its timeout, whatever the store does, and never piles up probes. */
class StoreHealthCheckTest {

    private final DefaultCamelContext context = new DefaultCamelContext();
    private StoreHealthCheck check;

    @AfterEach
    void close() throws Exception {
        if (check != null) {
            check.close();
        }
        context.close();
    }

    private StoreHealthCheck check(DataSource ds, long timeoutMs) {
        check = new StoreHealthCheck(ds, Duration.ofMillis(timeoutMs));
        check.setCamelContext(context);
        return check;
    }

    /** A data source whose getConnection waits for {@code release}, then fails as a refused connection does. */
    private static DataSource hanging(CountDownLatch release, AtomicInteger calls) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.incrementAndGet();
                    release.await(30, TimeUnit.SECONDS);
                    throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
                });
    }

    @Test
    void upWhenTheStoreAnswers() {
        try (TestDatabase db = TestDatabase.create()) {
            HealthCheck.Result r = check(db.dataSource(), 2_000).call();
            assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
        }
    }

    @Test
    void downWithinTheTimeoutWhenTheStoreHangsAndOneProbeServesEveryCheckMeanwhile() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        StoreHealthCheck c = check(hanging(release, calls), 300);
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HealthCheck.Result r = c.call();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(r.getMessage().orElse("")).contains("store unreachable: no answer within 300 ms");
            assertThat(ms).isLessThan(1_500);
        }
        assertThat(calls.get()).as("probes started while the first still hangs").isEqualTo(1);

        release.countDown();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        HealthCheck.Result r = c.call();
        while (!r.getMessage().orElse("").contains("refused") && System.nanoTime() < deadline) {
            r = c.call();
        }
        assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(r.getMessage().orElse("")).contains("store unreachable: Connection to 127.0.0.1:5432 refused");
    }

    @Test
    void aConnectionThatIsNotValidIsDown() {
        DataSource invalid = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> Proxy.newProxyInstance(
                        Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (p, m, a) -> m.getName().equals("isValid") ? Boolean.FALSE : null));
        HealthCheck.Result r = check(invalid, 2_000).call();
        assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(r.getMessage().orElse("")).contains("not valid");
    }
}
