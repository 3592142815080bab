package io.notionbridge.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The paused jobs, in the store ({@code job_pauses}): a pause holds for every instance of a cluster and survives
 * restarts and takeovers. Same SQL on H2 and PostgreSQL.
 */
public class JobPauses {

    private final DataSource dataSource;
    private final Clock clock;

    public JobPauses(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Pauses {@code job}; pausing a paused job keeps its first pause. */
    public void pause(String job, String by) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO job_pauses (job, paused_at, paused_by) VALUES (?, ?, ?)")) {
            ps.setString(1, job);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, by);
            ps.executeUpdate();
        } catch (SQLException e) {
            // 23505: already paused, the first pause stays
            if (!"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot record the pause of job " + job + ": " + e.getMessage(), e);
            }
        }
    }

    public void resume(String job) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM job_pauses WHERE job = ?")) {
            ps.setString(1, job);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the resume of job " + job + ": " + e.getMessage(), e);
        }
    }

    public boolean isPaused(String job) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM job_pauses WHERE job = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read whether job " + job + " is paused: " + e.getMessage(), e);
        }
    }

    /** The paused jobs, by name. */
    public List<String> paused() {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT job FROM job_pauses ORDER BY job");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the paused jobs: " + e.getMessage(), e);
        }
    }
}
