package io.notionbridge.store;

import java.sql.SQLException;
import java.time.Instant;

/** Rows of a table that expire; housekeeping deletes them ({@code system.Housekeeping}). */
public interface Prunable {

    /** What is pruned, for the log and the run's statistics: "signal_requests". */
    String prunes();

    /** Deletes the rows expired at {@code now}; returns how many. */
    int prune(Instant now) throws SQLException;
}
