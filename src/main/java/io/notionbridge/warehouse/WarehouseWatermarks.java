package io.notionbridge.warehouse;

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
 * The warehouse sync's rows of the store's {@code sync_watermarks} table (job {@code warehouse-sync}, scope = the
 * database name): the watermark, the resume state of an unfinished run, and the last run's statistics.
 */
public final class WarehouseWatermarks {

    /**
     * One database's row.
     *
     * @param watermark    the lower bound of the next incremental query (null: never completed a run)
     * @param lastPageId   the last page the last complete run read
     * @param resume       where an unfinished run stopped, or null
     * @param mode         mode of the last run that wrote the row
     * @param lastRunStats statistics of the last run (JSON), or null
     */
    public record Row(Instant watermark, String lastPageId, ResumeState resume, String mode, String lastRunStats,
                      Instant updatedAt) {
    }

    private final DataSource store;

    public WarehouseWatermarks(DataSource store) {
        this.store = store;
    }

    public DataSource dataSource() {
        return store;
    }

    public Optional<Row> read(String scope) throws SQLException {
        try (Connection c = store.getConnection()) {
            return read(c, scope);
        }
    }

    public Optional<Row> read(Connection c, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_edited_time, last_page_id, resume_state, mode, "
                + "last_run_stats, updated_at FROM sync_watermarks WHERE job = ? AND scope = ?")) {
            ps.setString(1, WarehouseSettings.JOB);
            ps.setString(2, scope);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(instant(rs, 1), rs.getString(2), ResumeState.fromJson(rs.getString(3)),
                        rs.getString(4), rs.getString(5), instant(rs, 6)));
            }
        }
    }

    /** Saves where the run is (the watermark stays where it was). */
    public void checkpoint(Connection c, String scope, ResumeState state, Instant now) throws SQLException {
        upsert(c, scope, "resume_state = ?, mode = ?, updated_at = ?", ps -> {
            ps.setString(1, state.toJson());
            ps.setString(2, state.mode());
            ps.setObject(3, utc(now));
        }, 3);
    }

    /** A complete run: the new watermark, no resume state, and the run's statistics. */
    public void complete(Connection c, String scope, Instant watermark, String lastPageId, SyncStats stats, Instant now)
            throws SQLException {
        upsert(c, scope, "last_edited_time = ?, last_page_id = COALESCE(?, last_page_id), resume_state = NULL, mode = ?, "
                + "last_run_stats = ?, updated_at = ?", ps -> {
                    ps.setObject(1, utc(watermark));
                    ps.setString(2, lastPageId);
                    ps.setString(3, stats.mode());
                    ps.setString(4, stats.toJson());
                    ps.setObject(5, utc(now));
                }, 5);
    }

    /** A run that did not finish: only its statistics (the watermark and the resume state stay). */
    public void recordStats(String scope, SyncStats stats, Instant now) throws SQLException {
        try (Connection c = store.getConnection()) {
            upsert(c, scope, "last_run_stats = ?, updated_at = ?", ps -> {
                ps.setString(1, stats.toJson());
                ps.setObject(2, utc(now));
            }, 2);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** UPDATE the row, or INSERT it first when there is none (callers hold the database's sync lock). */
    private static void upsert(Connection c, String scope, String set, Binder binder, int params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_watermarks SET " + set + " WHERE job = ? AND scope = ?")) {
            binder.bind(ps);
            ps.setString(params + 1, WarehouseSettings.JOB);
            ps.setString(params + 2, scope);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO sync_watermarks (job, scope) VALUES (?, ?)")) {
            ins.setString(1, WarehouseSettings.JOB);
            ins.setString(2, scope);
            ins.executeUpdate();
        }
        upsert(c, scope, set, binder, params);
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
