package io.notionbridge.system;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.notionbridge.store.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clean-up of the store's run history, daily and shortly after this instance becomes the leader:
 * <ul>
 *   <li>runs left without an end by an instance that stopped (killed, crashed, or a leader that lost its role) are
 *       ended as failed, "interrupted": only the leader runs jobs, so a run that started before this instance became
 *       the leader and has no end is one no process is going to finish;</li>
 *   <li>runs past their retention are deleted.</li>
 * </ul>
 */
public class Housekeeping {

    static final String INTERRUPTED = "interrupted: the instance running it stopped (killed, crashed or lost the "
            + "leadership) before recording its end";

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final JobRuns jobRuns;
    private final int retentionDays;
    private final Supplier<Instant> leaderSince;

    /** @param leaderSince when this instance became the leader; null while it is not (or not known) */
    public Housekeeping(JobRuns jobRuns, int retentionDays, Supplier<Instant> leaderSince) {
        this.jobRuns = jobRuns;
        this.retentionDays = retentionDays;
        this.leaderSince = leaderSince;
    }

    /** What one run did. */
    public record Result(int deleted, int interrupted) {
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
        LOG.info("Housekeeping: deleted {} job run(s) older than {} days; {} interrupted run(s) ended", deleted,
                retentionDays, interrupted);
        return new Result(deleted, interrupted);
    }
}
