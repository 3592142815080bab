package io.notionbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The {@code sync_watermarks} table: per job and scope (a Notion database), how far a sync has read
 * ({@code last_edited_time}), where an interrupted run resumes, its mode, and the last run's statistics as JSON.
 */
public class SyncWatermarks {

    /** One row. {@code lastEditedTime} is null before the first complete run. */
    public record Watermark(String job, String scope, Instant lastEditedTime, String lastPageId, String resumeState,
                            String mode, String lastRunStats, Instant updatedAt) {
    }

    private final DataSource dataSource;

    public SyncWatermarks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Watermark> get(String job, String scope) {
        try (Connection c = dataSource.getConnection()) {
            return get(c, job, scope);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the watermark of " + job + "/" + scope + ": " + e.getMessage(), e);
        }
    }

    public Optional<Watermark> get(Connection c, String job, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_edited_time, last_page_id, resume_state, mode, "
                + "last_run_stats, updated_at FROM sync_watermarks WHERE job = ? AND scope = ?")) {
            ps.setString(1, job);
            ps.setString(2, scope);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Watermark(job, scope, instant(rs.getObject(1, OffsetDateTime.class)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), instant(rs.getObject(6, OffsetDateTime.class))));
            }
        }
    }

    /** Writes the whole row (insert or update). */
    public void save(Watermark w) {
        try (Connection c = dataSource.getConnection()) {
            save(c, w);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the watermark of " + w.job() + "/" + w.scope() + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #save(Watermark)}, on the caller's connection (inside its transaction). */
    public void save(Connection c, Watermark w) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE sync_watermarks SET last_edited_time = ?, last_page_id = ?, "
                + "resume_state = ?, mode = ?, last_run_stats = ?, updated_at = ? WHERE job = ? AND scope = ?")) {
            bind(up, w, 1);
            up.setString(7, w.job());
            up.setString(8, w.scope());
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO sync_watermarks (last_edited_time, last_page_id, "
                + "resume_state, mode, last_run_stats, updated_at, job, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(in, w, 1);
            in.setString(7, w.job());
            in.setString(8, w.scope());
            in.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Watermark w, int from) throws SQLException {
        ps.setObject(from, w.lastEditedTime() == null ? null : w.lastEditedTime().atOffset(ZoneOffset.UTC));
        ps.setString(from + 1, w.lastPageId());
        ps.setString(from + 2, w.resumeState());
        ps.setString(from + 3, w.mode());
        ps.setString(from + 4, w.lastRunStats());
        ps.setObject(from + 5, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
