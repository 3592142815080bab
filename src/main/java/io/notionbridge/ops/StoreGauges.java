package io.notionbridge.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * Backlog figures read from the store for metrics and alerts: webhook inbox depth (events waiting to be processed),
 * parked inbox events, and pending signals. Read at most once per {@code ttl}, so that scrapes and alert checks do
 * not load the database.
 */
public class StoreGauges {

    /** One reading. */
    public record Reading(long inboxDepth, long inboxParked, long pendingSignals, Instant at) {
    }

    private final DataSource dataSource;
    private final Duration ttl;
    private final Clock clock;
    private volatile Reading last;

    public StoreGauges(DataSource dataSource, Duration ttl, Clock clock) {
        this.dataSource = dataSource;
        this.ttl = ttl;
        this.clock = clock;
    }

    public synchronized Reading read() {
        Instant now = clock.instant();
        if (last != null && Duration.between(last.at(), now).compareTo(ttl) < 0) {
            return last;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long depth = count(st, "SELECT COUNT(*) FROM webhook_inbox WHERE state IN ('pending', 'retry', 'processing')");
            long parked = count(st, "SELECT COUNT(*) FROM webhook_inbox WHERE state = 'parked'");
            long pending = count(st, "SELECT COUNT(*) FROM signal_processing WHERE state = 'pending'");
            last = new Reading(depth, parked, pending, now);
        } catch (SQLException e) {
            last = new Reading(-1, -1, -1, now);
        }
        return last;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
