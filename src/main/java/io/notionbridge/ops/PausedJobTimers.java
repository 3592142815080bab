package io.notionbridge.ops;

import java.util.Map;
import java.util.function.Predicate;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips a tick of a paused job's timer: a route policy on every timer route of the catalog asks, when the timer fires,
 * whether its job is paused (in the store, so on any instance) and if so ends the exchange before it reaches the job.
 * The timers themselves keep running, so a takeover or a restart needs nothing to re-apply a pause.
 */
public class PausedJobTimers implements RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PausedJobTimers.class);

    private final Map<String, String> jobOfTimer;
    private final Predicate<String> paused;

    /**
     * @param jobOfTimer the job each timer route triggers, by route id
     * @param paused     whether a job is paused
     */
    public PausedJobTimers(Map<String, String> jobOfTimer, Predicate<String> paused) {
        this.jobOfTimer = Map.copyOf(jobOfTimer);
        this.paused = paused;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        String job = jobOfTimer.get(routeId);
        return job == null ? null : new Policy(job);
    }

    private final class Policy extends RoutePolicySupport {
        private final String job;

        Policy(String job) {
            this.job = job;
        }

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            boolean skip;
            try {
                skip = paused.test(job);
            } catch (RuntimeException e) {
                // the store cannot be read: the job runs and reports the store's error itself
                LOG.debug("Cannot read whether job {} is paused: {}", job, e.getMessage());
                skip = false;
            }
            if (skip) {
                LOG.debug("Job {} is paused: tick of {} skipped", job, route.getRouteId());
                exchange.setRouteStop(true);
            }
        }
    }
}
