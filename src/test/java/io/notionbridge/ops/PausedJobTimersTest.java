package io.notionbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** A paused job's timer ticks end before they reach the job; other routes are not touched. */
class PausedJobTimersTest {

    @Test
    void ticksOfAPausedJobAreSkippedAndRunAgainOnceResumed() throws Exception {
        Set<String> paused = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.addRoutePolicyFactory(new PausedJobTimers(Map.of("job-a-timer", "job-a"), paused::contains));
            // lambda route builders: an anonymous RouteBuilder class would be found by Camel Main's package scan
            RouteBuilder.addRoutes(ctx, rb -> rb.from("direct:tick").routeId("job-a-timer").process(e -> runs.incrementAndGet()));
            RouteBuilder.addRoutes(ctx, rb -> rb.from("direct:other").routeId("other").process(e -> other.incrementAndGet()));
            ctx.start();
            var producer = ctx.createProducerTemplate();
            producer.sendBody("direct:tick", null);
            assertThat(runs).hasValue(1);
            paused.add("job-a");
            producer.sendBody("direct:tick", null);
            producer.sendBody("direct:other", null);
            assertThat(runs).as("skipped while paused").hasValue(1);
            assertThat(other).hasValue(1);
            paused.remove("job-a");
            producer.sendBody("direct:tick", null);
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void whenThePauseCannotBeReadTheJobRunsAndReportsTheStoreItself() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.addRoutePolicyFactory(new PausedJobTimers(Map.of("job-a-timer", "job-a"), job -> {
                throw new IllegalStateException("store down");
            }));
            RouteBuilder.addRoutes(ctx, rb -> rb.from("direct:tick").routeId("job-a-timer").process(e -> runs.incrementAndGet()));
            ctx.start();
            ctx.createProducerTemplate().sendBody("direct:tick", null);
            assertThat(runs).hasValue(1);
        }
    }
}
