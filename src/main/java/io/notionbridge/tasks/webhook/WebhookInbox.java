package io.notionbridge.tasks.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.notionbridge.tasks.StoreTimes;

/**
 * The {@code webhook_inbox} table: every accepted webhook event, unique on its event id, and its processing state.
 * <ul>
 *   <li>{@link #insert} stores an event before the webhook is answered; a repeated delivery is refused by the unique
 *       key and is not processed twice;</li>
 *   <li>{@link #claimDue} hands due events to one processor: a conditional update takes a lock
 *       ({@code locked_by}/{@code locked_at}), so two processors never take the same event; a lock older than the
 *       lock timeout is free again (its processor died); every claim counts as an attempt;</li>
 *   <li>{@link #release} frees the pending events a processor still holds after one of its runs failed (the store went
 *       away mid-batch), so that they do not wait for the lock timeout;</li>
 *   <li>{@link #fail} schedules a retry with exponential backoff, and parks the event after the last attempt
 *       (state {@code parked}), where operators see it ({@link #list}) and {@link #replay} it.</li>
 * </ul>
 * Times come from the given clock, so tests can move it. Same SQL on H2 and PostgreSQL.
 */
public class WebhookInbox {

    private static final String COLUMNS = "id, event_id, event_type, entity_id, event_time, payload, source, state, attempts, "
            + "next_attempt_at, last_error, locked_by, locked_at, received_at, processed_at, result";
    private static final int MAX_TEXT = 4000;

    private final DataSource dataSource;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration backoffMax;
    private final Duration lockTimeout;

    public WebhookInbox(DataSource dataSource, Clock clock, int maxAttempts, Duration backoff, Duration backoffMax,
                        Duration lockTimeout) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.backoffMax = backoffMax;
        this.lockTimeout = lockTimeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Stores {@code e} as pending; false when an event with its id is already there (a repeated delivery). */
    public boolean insert(IncomingEvent e) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_inbox (event_id, event_type, entity_id, "
                     + "event_time, payload, source, state, next_attempt_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.eventId());
            ps.setString(2, e.eventType());
            ps.setString(3, e.entityId());
            StoreTimes.set(ps, 4, e.eventTime());
            ps.setString(5, e.payload());
            ps.setString(6, e.source());
            ps.setString(7, InboxEvent.PENDING);
            StoreTimes.set(ps, 8, now);
            StoreTimes.set(ps, 9, now);
            ps.executeUpdate();
            return true;
        } catch (SQLException ex) {
            if ("23505".equals(ex.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("cannot store webhook event " + e.eventId() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Takes up to {@code limit} due events for {@code processor}, oldest event time first: pending, due, and not
     * locked (or locked longer ago than the lock timeout). Each claim adds one attempt.
     */
    public List<InboxEvent> claimDue(String processor, int limit) {
        Instant now = clock.instant();
        Instant expired = now.minus(lockTimeout);
        List<Long> candidates = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM webhook_inbox WHERE state = ? AND next_attempt_at <= ?"
                    + " AND (locked_at IS NULL OR locked_at < ?) ORDER BY event_time, id LIMIT " + Math.max(1, limit))) {
                ps.setString(1, InboxEvent.PENDING);
                StoreTimes.set(ps, 2, now);
                StoreTimes.set(ps, 3, expired);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getLong(1));
                    }
                }
            }
            List<Long> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_inbox SET locked_by = ?, locked_at = ?, "
                    + "attempts = attempts + 1 WHERE id = ? AND state = ? AND (locked_at IS NULL OR locked_at < ?)")) {
                for (long id : candidates) {
                    ps.setString(1, processor);
                    StoreTimes.set(ps, 2, now);
                    ps.setLong(3, id);
                    ps.setString(4, InboxEvent.PENDING);
                    StoreTimes.set(ps, 5, expired);
                    if (ps.executeUpdate() == 1) {
                        claimed.add(id);
                    }
                }
            }
            List<InboxEvent> out = new ArrayList<>();
            for (long id : claimed) {
                find(c, id).ifPresent(out::add);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim webhook events: " + e.getMessage(), e);
        }
    }

    /**
     * Frees the pending events locked by {@code processor}, due at once; returns how many. For a processor whose run
     * failed before it could finish or fail its events (the store was unreachable): its next run takes them again
     * instead of waiting for the lock timeout, which is meant for processors that died.
     */
    public int release(String processor) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE webhook_inbox SET locked_by = NULL, locked_at = NULL "
                     + "WHERE locked_by = ? AND state = ?")) {
            ps.setString(1, processor);
            ps.setString(2, InboxEvent.PENDING);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the webhook events of " + processor + ": " + e.getMessage(), e);
        }
    }

    /** Event {@code id} was applied; {@code result} says how. Only the processor holding the lock can finish it. */
    public boolean done(long id, String processor, String result) {
        return finish(id, processor, InboxEvent.DONE, result);
    }

    /** Event {@code id} needs nothing done; {@code reason} says why. */
    public boolean ignored(long id, String processor, String reason) {
        return finish(id, processor, InboxEvent.IGNORED, reason);
    }

    /**
     * Processing of event {@code id} failed: it is retried after the backoff, or parked when it has had
     * {@code max-attempts} attempts. Returns the new state.
     */
    public String fail(long id, String processor, int attempts, String error) {
        Instant now = clock.instant();
        boolean park = attempts >= maxAttempts;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE webhook_inbox SET state = ?, next_attempt_at = ?, "
                     + "last_error = ?, locked_by = NULL, locked_at = NULL WHERE id = ? AND locked_by = ?")) {
            ps.setString(1, park ? InboxEvent.PARKED : InboxEvent.PENDING);
            StoreTimes.set(ps, 2, park ? now : now.plus(backoffAfter(attempts)));
            ps.setString(3, cut(error));
            ps.setLong(4, id);
            ps.setString(5, processor);
            ps.executeUpdate();
            return park ? InboxEvent.PARKED : InboxEvent.PENDING;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the failure of webhook event " + id + ": " + e.getMessage(), e);
        }
    }

    /** The wait before attempt {@code attempts + 1}: backoff × 2^(attempts-1), at most the maximum. */
    public Duration backoffAfter(int attempts) {
        int shift = Math.max(0, Math.min(30, attempts - 1));
        Duration d = backoff.multipliedBy(1L << shift);
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }

    /** Puts a parked (or ignored) event back to pending with no attempts, due now; false when there is none. */
    public boolean replay(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE webhook_inbox SET state = ?, attempts = 0, next_attempt_at = ?, "
                     + "locked_by = NULL, locked_at = NULL, processed_at = NULL WHERE id = ? AND state IN (?, ?)")) {
            ps.setString(1, InboxEvent.PENDING);
            StoreTimes.set(ps, 2, clock.instant());
            ps.setLong(3, id);
            ps.setString(4, InboxEvent.PARKED);
            ps.setString(5, InboxEvent.IGNORED);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot replay webhook event " + id + ": " + e.getMessage(), e);
        }
    }

    public Optional<InboxEvent> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read webhook event " + id + ": " + e.getMessage(), e);
        }
    }

    public Optional<InboxEvent> findByEventId(String eventId) {
        List<InboxEvent> rows = query("SELECT " + COLUMNS + " FROM webhook_inbox WHERE event_id = ?", eventId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Newest first; {@code state} null for every state. */
    public List<InboxEvent> list(String state, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM webhook_inbox" + (state == null ? "" : " WHERE state = ?")
                + " ORDER BY id DESC LIMIT " + Math.max(1, Math.min(1000, limit));
        return state == null ? query(sql) : query(sql, state);
    }

    /** Number of events in {@code state}. */
    public long count(String state) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM webhook_inbox WHERE state = ?")) {
            ps.setString(1, state);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count webhook events: " + e.getMessage(), e);
        }
    }

    /** Number of events per state. */
    public Map<String, Long> countByState() {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM webhook_inbox GROUP BY state ORDER BY state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count webhook events: " + e.getMessage(), e);
        }
    }

    private boolean finish(long id, String processor, String state, String result) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE webhook_inbox SET state = ?, processed_at = ?, result = ?, "
                     + "locked_by = NULL, locked_at = NULL WHERE id = ? AND locked_by = ?")) {
            ps.setString(1, state);
            StoreTimes.set(ps, 2, clock.instant());
            ps.setString(3, cut(result));
            ps.setLong(4, id);
            ps.setString(5, processor);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot finish webhook event " + id + ": " + e.getMessage(), e);
        }
    }

    private Optional<InboxEvent> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhook_inbox WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private List<InboxEvent> query(String sql, String... args) {
        List<InboxEvent> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read webhook events: " + e.getMessage(), e);
        }
    }

    private static InboxEvent row(ResultSet rs) throws SQLException {
        return new InboxEvent(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getString("entity_id"), StoreTimes.get(rs, "event_time"), rs.getString("payload"), rs.getString("source"),
                rs.getString("state"), rs.getInt("attempts"), StoreTimes.get(rs, "next_attempt_at"), rs.getString("last_error"),
                rs.getString("locked_by"), StoreTimes.get(rs, "locked_at"), StoreTimes.get(rs, "received_at"),
                StoreTimes.get(rs, "processed_at"), rs.getString("result"));
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
    }
}
