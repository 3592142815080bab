package io.notionbridge.system;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.notionbridge.store.JobRuns;
import io.notionbridge.store.Prunable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clean-up of the store's run history, daily and shortly after this instance becomes the leader:
 * <ul>
 *   <li>runs left without an end by an instance that stopped (killed, crashed, or a leader that lost its role) are
 *       ended as failed, "interrupted": only the leader runs jobs, so a run that started before this instance became
 *       the leader and has no end is one no process is going to finish;</li>
 *   <li>runs past their retention are deleted;</li>
 *   <li>expired rows of other tables ({@link Prunable}: the idempotency keys of signal intake) are deleted.</li>
 * </ul>
 */
public class Housekeeping {

    static final String INTERRUPTED = "interrupted: the instance running it stopped (killed, crashed or lost the "
            + "leadership) before recording its end";

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final JobRuns jobRuns;
    private final int retentionDays;
    private final Supplier<Instant> leaderSince;
    private final Supplier<List<Prunable>> prunables;

    /**
     * @param leaderSince when this instance became the leader; null while it is not (or not known)
     * @param prunables   the tables with expiring rows (looked up on each run)
     */
    public Housekeeping(JobRuns jobRuns, int retentionDays, Supplier<Instant> leaderSince,
                        Supplier<List<Prunable>> prunables) {
        this.jobRuns = jobRuns;
        this.retentionDays = retentionDays;
        this.leaderSince = leaderSince;
        this.prunables = prunables;
    }

    /**
     * What one run did.
     *
     * @param deleted     job runs past their retention
     * @param interrupted job runs left without an end, now ended as failed
     * @param pruned      expired rows deleted, per table
     */
    public record Result(int deleted, int interrupted, Map<String, Integer> pruned) {
    }

    /** Ends interrupted runs, then deletes runs past their retention. */
    public Result run() throws SQLException {
        Instant since = leaderSince.get();
        int interrupted = since == null ? 0 : jobRuns.closeUnfinished(since, INTERRUPTED);
        if (interrupted > 0) {
            LOG.warn("Housekeeping: {} job run(s) started before this instance became the leader ({}) had no end; "
                    + "recorded as failed (interrupted)", interrupted, since);
        }
        int deleted = jobRuns.deleteOlderThan(Duration.ofDays(retentionDays));
        Map<String, Integer> pruned = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (Prunable p : prunables.get()) {
            pruned.put(p.prunes(), p.prune(now));
        }
        LOG.info("Housekeeping: deleted {} job run(s) older than {} days; {} interrupted run(s) ended; expired rows "
                + "deleted: {}", deleted, retentionDays, interrupted, pruned);
        return new Result(deleted, interrupted, pruned);
    }
}
