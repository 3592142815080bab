package io.notionbridge.discovery;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.notionbridge.config.BridgeException;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.store.JobRuns;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the push job route ({@code direct:discovery-push} in {@code routes/discovery.camel.yaml}), thin glue
 * between the route and the logic: {@link #start} loads the signals, the route splits and aggregates them per
 * canonical key ({@link ProspectAggregationStrategy}), {@link #score} builds each prospect, {@link #plan} orders them,
 * the route routes each by decision to {@link #upsert}, {@link #reject} or {@link #hold}, and {@link #finish} returns
 * the {@link PushSummary}. One prospect's failure is recorded and never stops the run.
 */
public class DiscoveryPush {

    public static final String JOB = "discovery-push";
    /** Exchange property with the {@link PushRun}. */
    public static final String RUN = "discoveryRun";
    /** Optional headers of {@code direct:discovery-push}. */
    public static final String LIMIT = "limit";
    public static final String KEY = "key";
    public static final String DRY_RUN = "dryRun";
    /** Header of each split signal: the aggregation group (run id and canonical key). */
    public static final String GROUP = "discoveryGroup";

    /** How long {@link #plan} waits for the aggregator's next completed company before it gives up. */
    static final java.time.Duration GROUPING_STALL = java.time.Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryPush.class);

    private final SignalStore store;
    private final SuppressionEntries cache;
    private final CrmWriter crm;
    private final VerificationGate gate;
    private final JobRuns jobRuns;
    private final DiscoverySettings settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public DiscoveryPush(SignalStore store, SuppressionEntries cache, CrmWriter crm, VerificationGate gate, JobRuns jobRuns,
                         DiscoverySettings settings, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.crm = crm;
        this.gate = gate;
        this.jobRuns = jobRuns;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a run: the keys with pending signals (newest first, or only {@code key}) and every signal of them. */
    public PushRun start(@Header(LIMIT) Integer limit, @Header(KEY) String key, @Header(DRY_RUN) Boolean dryRun) {
        if (limit != null && limit < 1) {
            throw new BridgeException("limit must be at least 1, got " + limit);
        }
        String onlyKey = null;
        if (key != null && !key.isBlank()) {
            try {
                onlyKey = CanonicalKey.parse(key).toString();
            } catch (IllegalArgumentException e) {
                throw new BridgeException(e.getMessage());
            }
        }
        boolean dry = Boolean.TRUE.equals(dryRun);
        if (!running.compareAndSet(false, true)) {
            throw new BridgeException("a discovery push is already running in this process; try again when it has finished");
        }
        try {
            Long jobRunId = dry ? null : jobRuns.start(JOB, onlyKey, false);
            List<String> keys = store.pendingKeys(settings.maxKeys(), onlyKey);
            List<StoredSignal> signals = store.signalsOf(keys);
            Map<String, SuppressionEntries.Entry> cached = cache.find(keys);
            return new PushRun(limit, onlyKey, dry, jobRunId, keys.size(), signals, cached, lookupIfUnknown());
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    /** Whether companies the cache does not know are looked up in the CRM before they are created. */
    boolean lookupIfUnknown() {
        return switch (settings.crmLookup()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> !cacheFresh();
        };
    }

    /** The suppression cache is fresh when its sync last succeeded within the configured age. */
    boolean cacheFresh() {
        Optional<JobRuns.Run> last = jobRuns.last(settings.suppressionJob(), null);
        return last.isPresent() && last.get().outcome() == JobRuns.Outcome.OK && last.get().finishedAt() != null
                && last.get().finishedAt().isAfter(Instant.now(clock).minus(settings.cacheMaxAge()));
    }

    /**
     * The run's signals as the split's messages, one by one: body the {@link StoredSignal}, headers
     * {@code canonicalKey}, {@code keySignalCount} (the aggregator's completion size) and {@code discoveryGroup}
     * (run id and key: the correlation key, so runs never share a group). Set here once per signal rather than by
     * expressions in the route, which would each look the values up by reflection.
     */
    public Iterator<Message> signalMessages(@ExchangeProperty(RUN) PushRun run, Exchange exchange) {
        Iterator<StoredSignal> signals = run.takeSignals().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return signals.hasNext();
            }

            @Override
            public Message next() {
                StoredSignal s = signals.next();
                Message m = new DefaultMessage(exchange.getContext());
                m.setBody(s);
                m.setHeader("canonicalKey", s.canonicalKey());
                m.setHeader("keySignalCount", s.keySignalCount());
                m.setHeader(GROUP, run.getId() + "/" + s.canonicalKey());
                return m;
            }
        };
    }

    /** The aggregator completed a company: score it and keep it for this run. */
    public void score(@ExchangeProperty(RUN) PushRun run, @Body ProspectBuilder group) {
        try {
            run.collect(group.build(gate));
        } catch (RuntimeException e) {
            LOG.warn("Discovery push: cannot evaluate {}: {}", group.canonicalKey(), e.toString());
            run.groupFailed(group.canonicalKey(), "cannot evaluate its signals: " + e.getMessage());
        }
    }

    /**
     * Every prospect of the run, highest score first, at most the limit. Waits for the aggregator to have completed
     * every company first (it completes them on its own thread), so the order covers the whole run.
     */
    public List<Prospect> plan(@ExchangeProperty(RUN) PushRun run) {
        boolean complete = run.awaitGrouped(GROUPING_STALL);
        List<Prospect> all = run.collected();
        if (!complete || all.size() + run.failedGroups() != run.expectedProspects() || new HashSet<>(all.stream().map(Prospect::canonicalKey).toList()).size()
                != all.size()) {
            throw new IllegalStateException("aggregation incomplete: " + (all.size() + run.failedGroups())
                    + " prospects grouped for " + run.expectedProspects() + " companies");
        }
        PushPlanner.Plan plan = PushPlanner.plan(all, run.limit());
        run.deferred(plan.deferred());
        return plan.prospects();
    }

    /** AUTO_PUSH or NEEDS_REVIEW: create or update the company's CRM page, then mark its pending signals pushed. */
    public void upsert(@ExchangeProperty(RUN) PushRun run, @Body Prospect p) {
        try {
            CrmWriter.Result r = crm.upsert(p, run.cached(p.canonicalKey()), run.lookupIfUnknown(), run.dryRun());
            boolean created = r.action().equals(ProspectOutcome.CREATED) || r.action().equals(ProspectOutcome.WOULD_CREATE);
            String status = created ? crm.statusFor(p.result().decision()) : null;
            if (!run.dryRun()) {
                store.markPushed(p.pendingSignalIds(), r.pageId(), metadata(run, p, status));
            }
            run.record(outcome(p, r.action(), status, r.pageId(), null));
        } catch (RuntimeException e) {
            failed(run, p, e);
        }
    }

    /** REJECT: mark the company's pending signals rejected with the gate's reasons. */
    public void reject(@ExchangeProperty(RUN) PushRun run, @Body Prospect p) {
        String reason = String.join("; ", p.result().reasons());
        try {
            if (!run.dryRun()) {
                store.markRejected(p.pendingSignalIds(), reason, metadata(run, p, null));
            }
            run.record(outcome(p, run.dryRun() ? ProspectOutcome.WOULD_REJECT : ProspectOutcome.REJECTED, null, null, reason));
        } catch (RuntimeException e) {
            failed(run, p, e);
        }
    }

    /** HOLD: nothing changes; the signals stay pending until more arrive. */
    public void hold(@ExchangeProperty(RUN) PushRun run, @Body Prospect p) {
        List<String> reasons = p.result().reasons();
        run.record(outcome(p, ProspectOutcome.HELD, null, null, reasons.isEmpty() ? null : reasons.get(reasons.size() - 1)));
    }

    /** Ends the run: the summary, logged at INFO and recorded in job_runs (not in a dry run). */
    public PushSummary finish(@ExchangeProperty(RUN) PushRun run) {
        PushSummary s = PushSummary.of(run.dryRun(), run.startedAt(), run.elapsedMillis(), run.deferred(), run.outcomes());
        LOG.info(s.logLine());
        if (run.jobRunId() != null) {
            JobRuns.Outcome outcome = s.errors() == 0 ? JobRuns.Outcome.OK
                    : s.errors() == s.processed() ? JobRuns.Outcome.FAILED : JobRuns.Outcome.PARTIAL;
            jobRuns.finish(run.jobRunId(), outcome, s, s.errors() == 0 ? null : s.errors() + " prospect(s) failed");
        }
        return s;
    }

    /** The run failed as a whole (the store is unreachable, say): record it and fail the caller. */
    public void failed(@ExchangeProperty(RUN) PushRun run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e) {
        String message = e == null ? "unknown error" : e.getMessage();
        if (run != null && run.jobRunId() != null) {
            try {
                jobRuns.finish(run.jobRunId(), JobRuns.Outcome.FAILED, null, message);
            } catch (RuntimeException recording) {
                LOG.warn("Could not record the failed discovery push: {}", recording.getMessage());
            }
        }
        if (e instanceof BridgeException be) {
            throw be;
        }
        throw new IllegalStateException("discovery push failed: " + message, e);
    }

    /** Lets the next run start. */
    public void release(@ExchangeProperty(RUN) PushRun run) {
        if (run != null) {
            running.set(false);
        }
    }

    private void failed(PushRun run, Prospect p, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.warn("Discovery push: {} ({}) failed: {}", p.canonicalKey(), p.companyName(), message);
        run.record(outcome(p, ProspectOutcome.ERROR, null, null, message));
    }

    private static ProspectOutcome outcome(Prospect p, String action, String status, String pageId, String reason) {
        return new ProspectOutcome(p.canonicalKey(), p.companyName(), p.decision(), p.score(), action, status, pageId, reason);
    }

    private static String metadata(PushRun run, Prospect p, String status) {
        var m = NotionJson.object().put("run", run.getId()).put("decision", p.decision()).put("score", p.score());
        if (status != null) {
            m.put("status", status);
        }
        return m.toString();
    }
}
