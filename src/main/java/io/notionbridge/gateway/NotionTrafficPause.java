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

    /**
     * The pauses so far: how many were started or extended, and for how long all Notion traffic has been paused in
     * total (overlapping and extended pauses counted once). The difference of two tallies says what happened in
     * between, e.g. during one job run.
     */
    public record Tally(long pauses, long pausedMillis) {
        public Tally since(Tally earlier) {
            return new Tally(pauses - earlier.pauses, pausedMillis - earlier.pausedMillis);
        }
    }

    /** One pause of all traffic: when the gateway started it and when traffic may resume (extensions included). */
    public record Window(Instant started, Instant until) {
    }

    /** How many pauses {@link #recentPauses()} keeps. */
    static final int RECENT = 20;

    private static final Logger LOG = LoggerFactory.getLogger(NotionTrafficPause.class);

    private final Clock clock;
    private final Sleeper sleeper;
    private Instant until = Instant.MIN;
    private Instant pauseStart;
    private long closedPauseMillis;
    private final java.util.ArrayDeque<Window> recent = new java.util.ArrayDeque<>();
    private long generation;
    private long announcedResume;
    private final AtomicLong waitedMillis = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

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
            if (!extending) {
                if (pauseStart != null) {
                    closedPauseMillis += Duration.between(pauseStart, until).toMillis();
                }
                pauseStart = now;
                recent.addLast(new Window(now, candidate));
                if (recent.size() > RECENT) {
                    recent.removeFirst();
                }
            } else {
                recent.addLast(new Window(recent.removeLast().started(), candidate));
            }
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
                    if (started >= 0) {
                        waiting.decrementAndGet();
                    }
                    if (started >= 0 && announcedResume < gen) {
                        announcedResume = gen;
                        LOG.info("Notion traffic resumes after a pause of {} s", Duration.ofMillis(clock.millis() - started).toSeconds());
                    }
                    return;
                }
            }
            if (started < 0) {
                started = clock.millis();
                waiting.incrementAndGet();
            }
            long before = clock.millis();
            try {
                sleeper.sleep(remaining.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : remaining);
            } catch (InterruptedException | RuntimeException e) {
                waiting.decrementAndGet();
                throw e;
            }
            waitedMillis.addAndGet(Math.max(0, clock.millis() - before));
        }
    }

    /** Callers waiting for a pause to end right now. */
    public int waiting() {
        return waiting.get();
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

    /** The last {@value #RECENT} pauses, oldest first (an extended pause is one window). */
    public synchronized java.util.List<Window> recentPauses() {
        return java.util.List.copyOf(recent);
    }

    /** The pauses so far, by this pause's clock. */
    public synchronized Tally tally() {
        long paused = closedPauseMillis;
        if (pauseStart != null) {
            Instant now = clock.instant();
            Instant end = until.isBefore(now) ? until : now;
            paused += Math.max(0, Duration.between(pauseStart, end).toMillis());
        }
        return new Tally(pauses.get(), paused);
    }
}
