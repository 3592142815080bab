package io.notionbridge.discovery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.runtime.HttpProblem;
import io.notionbridge.runtime.IdempotencyKey;
import io.notionbridge.store.Prunable;

/**
 * The {@code signal_requests} table: the answer given to each intake request sent with an {@code Idempotency-Key},
 * for {@code ttl}. Recorded in the transaction that stores the request's signals, so a key is recorded exactly when
 * its signals are.
 */
public class SignalRequests implements Prunable {

    /** The answer recorded for a key, and a digest of the body it answered. */
    record Recorded(String bodySha256, int status, String answer) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final Duration ttl;
    private final Clock clock;

    public SignalRequests(DataSource dataSource, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("bridge.signals.idempotency-ttl-hours must be at least 1, got " + ttl.toHours());
        }
        this.dataSource = dataSource;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * The answer recorded for {@code key} within the ttl, replayed: the same status and body.
     *
     * @throws HttpProblem 422 {@code idempotency_key_reused} when the key was used for a different body
     */
    Optional<IntakeAnswer> replay(Connection c, IdempotencyKey key, String bodySha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body_sha256, status, answer FROM signal_requests "
                + "WHERE idempotency_key = ? AND created_at >= ?")) {
            ps.setString(1, key.value());
            ps.setObject(2, clock.instant().minus(ttl).atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Recorded r = new Recorded(rs.getString(1), rs.getInt(2), rs.getString(3));
                if (!r.bodySha256().equals(bodySha256)) {
                    throw new HttpProblem(422, "idempotency_key_reused", "the " + IdempotencyKey.HEADER + " '"
                            + key.value() + "' was used for a different request body within the last " + ttl.toHours()
                            + " hours; use a new key for a new request (nothing was stored)");
                }
                return Optional.of(new IntakeAnswer(r.status(), parse(r.answer()), true));
            }
        }
    }

    /**
     * Records {@code answer} for {@code key}, replacing an expired record of the same key. A record that is not
     * expired is never replaced: a concurrent request that recorded the key first makes this insert fail on the
     * primary key, and its caller does the request again, which then replays that record.
     */
    void record(Connection c, IdempotencyKey key, String bodySha256, IntakeAnswer answer) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM signal_requests WHERE idempotency_key = ? "
                + "AND created_at < ?")) {
            del.setString(1, key.value());
            del.setObject(2, clock.instant().minus(ttl).atOffset(ZoneOffset.UTC));
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO signal_requests (idempotency_key, body_sha256, "
                + "status, answer, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, key.value());
            ps.setString(2, bodySha256);
            ps.setInt(3, answer.status());
            ps.setString(4, JSON.writeValueAsString(answer.body()));
            ps.setObject(5, clock.instant().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record the answer of idempotency key " + key.value(), e);
        }
    }

    @Override
    public String prunes() {
        return "signal_requests";
    }

    @Override
    public int prune(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM signal_requests WHERE created_at < ?")) {
            ps.setObject(1, now.minus(ttl).atOffset(ZoneOffset.UTC));
            return ps.executeUpdate();
        }
    }

    private static Map<String, Object> parse(String answer) {
        try {
            return JSON.readValue(answer, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the recorded answer cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
