package io.notionbridge.system;

import java.sql.SQLException;
import java.time.Duration;

import io.notionbridge.store.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Daily clean-up of history the store no longer needs to keep. */
public class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final JobRuns jobRuns;
    private final int retentionDays;

    public Housekeeping(JobRuns jobRuns, int retentionDays) {
        this.jobRuns = jobRuns;
        this.retentionDays = retentionDays;
    }

    /** Deletes job runs past their retention; returns how many were deleted. */
    public int run() throws SQLException {
        int deleted = jobRuns.deleteOlderThan(Duration.ofDays(retentionDays));
        LOG.info("Housekeeping: deleted {} job run(s) older than {} days", deleted, retentionDays);
        return deleted;
    }
}
