package io.notionbridge.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pause shared by all Notion traffic in the JVM. After a 429 or 529, Notion asks callers to wait
 * ({@code Retry-After}); the gateway pauses <em>every</em> request, not only the one that was refused, until that
 * time has passed — however long it is — and then lets traffic resume. Each pause is logged when it starts (why, and
 * when traffic resumes) and when it ends.
 */
public class NotionTrafficPause {

    /** How the pause waits; tests replace it to avoid real sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(NotionTrafficPause.class);

    private final Clock clock;
    private final Sleeper sleeper;
    private Instant until = Instant.MIN;
    private long generation;
    private long announcedResume;
    private final AtomicLong waitedMillis = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();

    public NotionTrafficPause() {
        this(Clock.systemUTC(), d -> Thread.sleep(Math.max(1, d.toMillis())));
    }

    public NotionTrafficPause(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Pauses all traffic for {@code wait} from now (a pause already running longer is kept).
     *
     * @param why what Notion said, for the log line (status, rate_limit_reason, request id)
     */
    public synchronized void pauseFor(Duration wait, String why) {
        Instant now = clock.instant();
        Instant candidate = now.plus(wait);
        if (candidate.isAfter(until)) {
            boolean extending = until.isAfter(now);
            until = candidate;
            generation++;
            pauses.incrementAndGet();
            LOG.warn("Notion asked us to slow down ({}): {} all Notion traffic for {} s; traffic resumes at {}", why,
                    extending ? "extending the pause of" : "pausing", wait.toSeconds(), until.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /** Blocks the caller while a pause is running. */
    public void awaitClear() throws InterruptedException {
        long started = -1;
        while (true) {
            Duration remaining;
            long gen;
            synchronized (this) {
                remaining = Duration.between(clock.instant(), until);
                gen = generation;
                if (remaining.isNegative() || remaining.isZero()) {
                    if (started >= 0 && announcedResume < gen) {
                        announcedResume = gen;
                        LOG.info("Notion traffic resumes after a pause of {} s", Duration.ofMillis(clock.millis() - started).toSeconds());
                    }
                    return;
                }
            }
            if (started < 0) {
                started = clock.millis();
            }
            long before = clock.millis();
            sleeper.sleep(remaining.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : remaining);
            waitedMillis.addAndGet(Math.max(0, clock.millis() - before));
        }
    }

    public synchronized boolean isPaused() {
        return until.isAfter(clock.instant());
    }

    public synchronized Instant pausedUntil() {
        return until;
    }

    /** Total time callers spent waiting in pauses (summed over callers), for metrics. */
    public long waitedMillis() {
        return waitedMillis.get();
    }

    /** Number of pauses started or extended. */
    public long pauses() {
        return pauses.get();
    }
}
