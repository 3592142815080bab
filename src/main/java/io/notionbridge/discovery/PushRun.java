package io.notionbridge.discovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The state of one push run while it goes through the route: its options, the signals it loaded, the prospects the
 * aggregator completed, and what was done with each. Carried in the exchange property {@code discoveryRun}.
 */
public final class PushRun {

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final Integer limit;
    private final String onlyKey;
    private final boolean dryRun;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final Long jobRunId;
    private final int expectedProspects;
    private List<StoredSignal> signals;
    private final Map<String, SuppressionEntries.Entry> cached;
    private final boolean lookupIfUnknown;
    private final ConcurrentLinkedQueue<Prospect> collected = new ConcurrentLinkedQueue<>();
    private final CountDownLatch grouped;
    private final java.util.concurrent.atomic.AtomicInteger failedGroups = new java.util.concurrent.atomic.AtomicInteger();
    private final List<ProspectOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private int deferred;

    PushRun(Integer limit, String onlyKey, boolean dryRun, Long jobRunId, int expectedProspects, List<StoredSignal> signals,
            Map<String, SuppressionEntries.Entry> cached, boolean lookupIfUnknown) {
        this.limit = limit;
        this.onlyKey = onlyKey;
        this.dryRun = dryRun;
        this.jobRunId = jobRunId;
        this.expectedProspects = expectedProspects;
        this.signals = signals;
        this.cached = cached;
        this.lookupIfUnknown = lookupIfUnknown;
        this.grouped = new CountDownLatch(expectedProspects);
    }

    /** A short id that keeps this run's aggregation groups apart from any other run's. */
    public String getId() {
        return id;
    }

    /** The loaded signals, handed out once (the split's input); the run keeps no reference afterwards. */
    public List<StoredSignal> takeSignals() {
        List<StoredSignal> s = signals;
        signals = List.of();
        return s;
    }

    public Integer limit() {
        return limit;
    }

    public String onlyKey() {
        return onlyKey;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public Long jobRunId() {
        return jobRunId;
    }

    public int expectedProspects() {
        return expectedProspects;
    }

    public SuppressionEntries.Entry cached(String key) {
        return cached.get(key);
    }

    public boolean lookupIfUnknown() {
        return lookupIfUnknown;
    }

    void collect(Prospect p) {
        collected.add(p);
        grouped.countDown();
    }

    /** A company whose signals could not be made into a prospect: an error of this run, and one group less to wait for. */
    void groupFailed(String canonicalKey, String error) {
        failedGroups.incrementAndGet();
        outcomes.add(new ProspectOutcome(canonicalKey, null, null, 0.0, ProspectOutcome.ERROR, null, null, error));
        grouped.countDown();
    }

    int failedGroups() {
        return failedGroups.get();
    }

    /**
     * Waits until the aggregator has completed every company of the run: it hands completed groups to its own
     * thread, so the split can end before the last groups are scored. Gives up when no group completes for
     * {@code stall}.
     */
    boolean awaitGrouped(java.time.Duration stall) {
        try {
            long left = grouped.getCount();
            while (left > 0) {
                if (grouped.await(stall.toMillis(), TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (grouped.getCount() == left) {
                    return false;
                }
                left = grouped.getCount();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    List<Prospect> collected() {
        return List.copyOf(collected);
    }

    void record(ProspectOutcome o) {
        outcomes.add(o);
    }

    List<ProspectOutcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    void deferred(int n) {
        deferred = n;
    }

    int deferred() {
        return deferred;
    }
}
