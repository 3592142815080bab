package io.notionbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

/** The {@code job_runs} table: every job run with its summary, kept for monitoring. */
public class JobRuns {

    private final DataSource dataSource;

    public JobRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes runs that started more than {@code retention} ago; returns how many. */
    public int deleteOlderThan(Duration retention) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM job_runs WHERE started_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            return ps.executeUpdate();
        }
    }
}
