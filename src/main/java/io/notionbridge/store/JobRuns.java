package io.notionbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The {@code job_runs} table: every run of every job with its outcome and summary statistics (as JSON), kept for
 * monitoring (JMX, metrics, the admin API) until housekeeping prunes it.
 */
public class JobRuns {

    /** How a run ended. */
    public enum Outcome { RUNNING, OK, PARTIAL, FAILED }

    /** One recorded run. */
    public record Run(long id, String job, String scope, Instant startedAt, Instant finishedAt, Outcome outcome,
                      boolean dryRun, JsonNode stats, String error) {
    }

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final DataSource dataSource;

    public JobRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the start of a run; returns its id. */
    public long start(String job, String scope, boolean dryRun) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO job_runs (job, scope, started_at, outcome, dry_run) "
                     + "VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, job);
            ps.setString(2, scope);
            ps.setObject(3, OffsetDateTime.now(java.time.ZoneOffset.UTC));
            ps.setString(4, Outcome.RUNNING.name().toLowerCase());
            ps.setBoolean(5, dryRun);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the start of job " + job + ": " + e.getMessage(), e);
        }
    }

    /** Records how run {@code id} ended, with its statistics (any Jackson-serialisable object) and error text. */
    public void finish(long id, Outcome outcome, Object stats, String error) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE job_runs SET finished_at = ?, outcome = ?, stats = ?, error = ? "
                     + "WHERE id = ?")) {
            ps.setObject(1, OffsetDateTime.now(java.time.ZoneOffset.UTC));
            ps.setString(2, outcome.name().toLowerCase());
            ps.setString(3, stats == null ? null : JSON.writeValueAsString(stats));
            ps.setString(4, error);
            ps.setLong(5, id);
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot record the end of job run " + id + ": " + e.getMessage(), e);
        }
    }

    /** The newest finished run of {@code job} (any scope when {@code scope} is null). */
    public Optional<Run> last(String job, String scope) {
        List<Run> runs = recent(job, scope, 1);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    /** The newest {@code limit} finished runs of {@code job}, newest first. */
    public List<Run> recent(String job, String scope, int limit) {
        String sql = "SELECT id, job, scope, started_at, finished_at, outcome, dry_run, stats, error FROM job_runs "
                + "WHERE job = ? AND finished_at IS NOT NULL" + (scope == null ? "" : " AND scope = ?")
                + " ORDER BY started_at DESC, id DESC LIMIT " + Math.max(1, limit);
        List<Run> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, job);
            if (scope != null) {
                ps.setString(2, scope);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String stats = rs.getString("stats");
                    OffsetDateTime fin = rs.getObject("finished_at", OffsetDateTime.class);
                    out.add(new Run(rs.getLong("id"), rs.getString("job"), rs.getString("scope"),
                            rs.getObject("started_at", OffsetDateTime.class).toInstant(), fin == null ? null : fin.toInstant(),
                            Outcome.valueOf(rs.getString("outcome").toUpperCase()), rs.getBoolean("dry_run"),
                            stats == null ? null : JSON.readTree(stats), rs.getString("error")));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read runs of job " + job + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Ends, as failed with {@code error}, the runs that started before {@code startedBefore} and have no end recorded:
     * runs of a process that died (kill, crash, a lost leadership) before it could record how they ended. Returns how
     * many. A run that was in fact still going records its real end later, over this one.
     */
    public int closeUnfinished(Instant startedBefore, String error) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE job_runs SET finished_at = ?, outcome = ?, error = ? "
                     + "WHERE finished_at IS NULL AND started_at < ?")) {
            ps.setObject(1, OffsetDateTime.now(java.time.ZoneOffset.UTC));
            ps.setString(2, Outcome.FAILED.name().toLowerCase());
            ps.setString(3, error);
            ps.setObject(4, startedBefore.atOffset(java.time.ZoneOffset.UTC));
            return ps.executeUpdate();
        }
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
