package io.notionbridge.discovery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The {@code push_intents} table: a CRM page create is recorded as {@code sending} (and committed) before it is sent,
 * and as {@code created} with the page id once Notion answered. A row found in any other state means the last create
 * of that company may or may not have reached Notion (a crash, a timeout, an "outcome unknown" answer); the push job
 * then looks the company up in the CRM by canonical key before it sends anything again.
 * <ul>
 *   <li>{@code sending}: the create was about to be sent, or was sent and nothing was recorded after (crash);</li>
 *   <li>{@code unknown}: Notion's answer left the outcome unknown (5xx, timeout, reset after sending);</li>
 *   <li>{@code failed}: Notion refused the create (4xx); nothing was created;</li>
 *   <li>{@code created}: the page exists; {@code notion_page_id} names it.</li>
 * </ul>
 * Every statement commits on its own.
 */
public class PushIntents {

    public static final String SENDING = "sending";
    public static final String UNKNOWN = "unknown";
    public static final String FAILED = "failed";
    public static final String CREATED = "created";

    /** One row. */
    public record Intent(String canonicalKey, String state, String pageId, int attempts, String lastError) {

        /** True when a create may have reached Notion without being recorded: look the company up first. */
        public boolean unresolved() {
            return !CREATED.equals(state);
        }
    }

    private final DataSource dataSource;

    public PushIntents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Intent> find(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT canonical_key, state, notion_page_id, attempts, last_error "
                     + "FROM push_intents WHERE canonical_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Intent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the push intent of " + key + ": " + e.getMessage(), e);
        }
    }

    /** Records that a create of {@code key} is about to be sent (one more attempt). Committed when this returns. */
    public void sending(String key) {
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 1; ; attempt++) {
                if (update(c, key, SENDING, null, null, true) > 0) {
                    return;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO push_intents (canonical_key, state, attempts, "
                        + "created_at, updated_at) VALUES (?, ?, 1, ?, ?)")) {
                    OffsetDateTime now = now();
                    ps.setString(1, key);
                    ps.setString(2, SENDING);
                    ps.setObject(3, now);
                    ps.setObject(4, now);
                    ps.executeUpdate();
                    return;
                } catch (SQLException e) {
                    if (!SignalStore.isUniqueViolation(e) || attempt >= 3) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the push intent of " + key + ": " + e.getMessage(), e);
        }
    }

    /** Records the page that exists for {@code key} (created, or found by a lookup). */
    public void created(String key, String pageId) {
        try (Connection c = dataSource.getConnection()) {
            if (update(c, key, CREATED, pageId, null, false) == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO push_intents (canonical_key, state, notion_page_id, "
                        + "attempts, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)")) {
                    OffsetDateTime now = now();
                    ps.setString(1, key);
                    ps.setString(2, CREATED);
                    ps.setString(3, pageId);
                    ps.setObject(4, now);
                    ps.setObject(5, now);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the page of " + key + ": " + e.getMessage(), e);
        }
    }

    /** Records that the last create's outcome is unknown. */
    public void unknown(String key, String error) {
        set(key, UNKNOWN, error);
    }

    /** Records that Notion refused the last create. */
    public void failed(String key, String error) {
        set(key, FAILED, error);
    }

    /** Forgets {@code key}'s intent (its page was deleted from the CRM). */
    public void remove(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM push_intents WHERE canonical_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the push intent of " + key + ": " + e.getMessage(), e);
        }
    }

    private void set(String key, String state, String error) {
        try (Connection c = dataSource.getConnection()) {
            update(c, key, state, null, error, false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the push intent of " + key + ": " + e.getMessage(), e);
        }
    }

    private static int update(Connection c, String key, String state, String pageId, String error, boolean newAttempt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE push_intents SET state = ?, notion_page_id = ?, last_error = ?, "
                + "attempts = attempts + ?, updated_at = ? WHERE canonical_key = ?")) {
            ps.setString(1, state);
            ps.setString(2, pageId);
            ps.setString(3, error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error);
            ps.setInt(4, newAttempt ? 1 : 0);
            ps.setObject(5, now());
            ps.setString(6, key);
            return ps.executeUpdate();
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
