package io.notionbridge.discovery;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The statistics of one push run: logged as one INFO line, returned by {@code direct:discovery-push}, printed by
 * {@code push}, and recorded in {@code job_runs} (job {@code discovery-push}) as JSON with snake_case names.
 *
 * @param processed     prospects worked on in this run (at most the limit)
 * @param pushed        prospects written to the CRM: {@code pushedCreated + pushedUpdated} (in a dry run: would be)
 * @param review        of those, how many with decision NEEDS_REVIEW (status "Tracking" on new pages)
 * @param held          prospects left pending until more signals arrive (HOLD)
 * @param rejected      prospects whose signals were marked rejected (REJECT)
 * @param errors        prospects that failed; {@code errorList} says why; their signals stay pending
 * @param deferred      prospects beyond the limit, left for the next run
 * @param outcomes      one entry per processed prospect, in the order processed (highest score first)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PushSummary(boolean dryRun, Instant startedAt, long durationMs, int processed, int pushed, int pushedCreated,
                          int pushedUpdated, int review, int held, int rejected, int errors, int deferred,
                          List<ErrorEntry> errorList, List<ProspectOutcome> outcomes) {

    /** One failed prospect. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ErrorEntry(String canonicalKey, String error) {
    }

    public PushSummary {
        errorList = List.copyOf(errorList);
        outcomes = List.copyOf(outcomes);
    }

    /** Builds the summary from the outcomes. */
    public static PushSummary of(boolean dryRun, Instant startedAt, long durationMs, int deferred,
                                 List<ProspectOutcome> outcomes) {
        int created = 0;
        int updated = 0;
        int review = 0;
        int held = 0;
        int rejected = 0;
        List<ErrorEntry> errors = new java.util.ArrayList<>();
        for (ProspectOutcome o : outcomes) {
            switch (o.action()) {
                case ProspectOutcome.CREATED, ProspectOutcome.WOULD_CREATE -> created++;
                case ProspectOutcome.UPDATED, ProspectOutcome.WOULD_UPDATE -> updated++;
                case ProspectOutcome.HELD -> held++;
                case ProspectOutcome.REJECTED, ProspectOutcome.WOULD_REJECT -> rejected++;
                default -> errors.add(new ErrorEntry(o.canonicalKey(), o.reason()));
            }
            boolean pushed = List.of(ProspectOutcome.CREATED, ProspectOutcome.WOULD_CREATE, ProspectOutcome.UPDATED,
                    ProspectOutcome.WOULD_UPDATE).contains(o.action());
            if (pushed && GateDecision.NEEDS_REVIEW.name().equals(o.decision())) {
                review++;
            }
        }
        return new PushSummary(dryRun, startedAt, durationMs, outcomes.size(), created + updated, created, updated, review,
                held, rejected, errors.size(), deferred, errors, outcomes);
    }

    /** The one-line form for the log. */
    public String logLine() {
        return String.format(java.util.Locale.ROOT, "Discovery push%s: processed=%d pushed=%d (created=%d updated=%d review=%d)"
                        + " held=%d rejected=%d errors=%d deferred=%d duration_ms=%d", dryRun ? " (dry run)" : "", processed,
                pushed, pushedCreated, pushedUpdated, review, held, rejected, errors, deferred, durationMs);
    }
}
