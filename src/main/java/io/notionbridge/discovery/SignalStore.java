package io.notionbridge.discovery;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import io.notionbridge.runtime.IdempotencyKey;
import io.notionbridge.store.Transactions;

/**
 * The {@code signals} and {@code signal_processing} tables. The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.
 */
public class SignalStore {

    /** What happened to one signal of an intake request: its id, and whether it was stored before. */
    public record Stored(long id, boolean duplicate) {
    }

    static final int CHUNK = 500;
    private static final int ATTEMPTS = 3;

    private final DataSource dataSource;

    public SignalStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the signals of one request in one transaction, all or nothing, each new one with a {@code pending}
     * processing row. A signal already stored (same key, type, source and detection time), or repeated within the
     * request, is not stored again: its answer is the existing id with {@code duplicate = true}. A concurrent request
     * storing the same signal makes the unique constraint fail; the transaction is then rolled back and done again,
     * and finds that signal stored (PostgreSQL aborts a transaction on a unique violation, so no savepoints are used).
     */
    public List<Stored> insertAll(List<SignalInput> signals) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                return Transactions.inTransaction(c, tx -> insertAll(tx, signals));
            } catch (SQLException e) {
                if (!isUniqueViolation(e) || attempt >= ATTEMPTS) {
                    throw new IllegalStateException("cannot store signals: " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * {@link #insertAll(List)} for a request sent with an {@code Idempotency-Key}: in the same transaction, the answer
     * recorded for the key is replayed if there is one (and nothing is stored), else the signals are stored and
     * {@code answer}'s result is recorded for the key. Two requests with one key at the same time: the second fails on
     * the key's unique constraint, is done again, and replays the first one's answer.
     *
     * @throws io.notionbridge.runtime.HttpProblem 422 when the key was used for a different body
     */
    public IntakeAnswer insertOnce(List<SignalInput> signals, SignalRequests requests, IdempotencyKey key,
                                   String bodySha256, Function<List<Stored>, IntakeAnswer> answer) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                return Transactions.inTransaction(c, tx -> {
                    Optional<IntakeAnswer> replay = requests.replay(tx, key, bodySha256);
                    if (replay.isPresent()) {
                        return replay.get();
                    }
                    IntakeAnswer a = answer.apply(insertAll(tx, signals));
                    requests.record(tx, key, bodySha256, a);
                    return a;
                });
            } catch (SQLException e) {
                if (!isUniqueViolation(e) || attempt >= ATTEMPTS) {
                    throw new IllegalStateException("cannot store signals: " + e.getMessage(), e);
                }
            }
        }
    }

    private List<Stored> insertAll(Connection c, List<SignalInput> signals) throws SQLException {
        Map<String, Long> existing = existingIds(c, signals);
        Stored[] out = new Stored[signals.size()];
        Map<String, Integer> firstInRequest = new HashMap<>();
        List<Integer> toInsert = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            String identity = signals.get(i).identity();
            Long id = existing.get(identity);
            if (id != null) {
                out[i] = new Stored(id, true);
            } else if (firstInRequest.putIfAbsent(identity, i) == null) {
                toInsert.add(i);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (!toInsert.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO signals (canonical_key, key_strength, signal_type, "
                    + "source_api, company_name, confidence, detected_at, raw_data, identity_hints, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                for (int i : toInsert) {
                    SignalInput s = signals.get(i);
                    ps.setString(1, s.canonicalKey());
                    ps.setString(2, s.keyStrength());
                    ps.setString(3, s.signalType());
                    ps.setString(4, s.sourceApi());
                    ps.setString(5, s.companyName());
                    ps.setBigDecimal(6, s.confidence());
                    ps.setObject(7, OffsetDateTime.ofInstant(s.detectedAt(), ZoneOffset.UTC));
                    ps.setString(8, s.rawData());
                    ps.setString(9, s.identityHints());
                    ps.setObject(10, now);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (int i : toInsert) {
                        if (!keys.next()) {
                            throw new SQLException("the database returned fewer generated ids than signals inserted");
                        }
                        out[i] = new Stored(keys.getLong(1), false);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO signal_processing (signal_id, state, updated_at) VALUES (?, ?, ?)")) {
                for (int i : toInsert) {
                    ps.setLong(1, out[i].id());
                    ps.setString(2, StoredSignal.PENDING);
                    ps.setObject(3, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = new Stored(out[firstInRequest.get(signals.get(i).identity())].id(), true);
            }
        }
        return List.of(out);
    }

    private static Map<String, Long> existingIds(Connection c, List<SignalInput> signals) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(signals.stream().map(SignalInput::canonicalKey).toList()));
        for (List<String> chunk : chunks(keys)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, canonical_key, signal_type, source_api, detected_at "
                    + "FROM signals WHERE canonical_key IN (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant at = rs.getObject(5, OffsetDateTime.class).toInstant();
                        found.put(rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + at, rs.getLong(1));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Canonical keys with pending signals, the key with the newest signal first, at most {@code max}; only
     * {@code onlyKey} when it is not null.
     */
    public List<String> pendingKeys(int max, String onlyKey) {
        String sql = "SELECT s.canonical_key, MAX(s.id) AS newest FROM signals s JOIN signal_processing p ON p.signal_id = s.id "
                + "WHERE p.state = ?" + (onlyKey == null ? "" : " AND s.canonical_key = ?")
                + " GROUP BY s.canonical_key ORDER BY newest DESC LIMIT ?";
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, StoredSignal.PENDING);
            if (onlyKey != null) {
                ps.setString(i++, onlyKey);
            }
            ps.setInt(i, Math.max(1, max));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pending signals: " + e.getMessage(), e);
        }
        return keys;
    }

    /**
     * Every stored signal of these keys, whatever its state, ordered by key, detection time and id, each with the
     * number of signals its key has.
     */
    public List<StoredSignal> signalsOf(Collection<String> keys) {
        Map<String, List<StoredSignal>> byKey = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (List<String> chunk : chunks(new ArrayList<>(keys))) {
                try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.canonical_key, s.key_strength, s.signal_type, "
                        + "s.source_api, s.company_name, s.confidence, s.detected_at, s.raw_data, s.identity_hints, p.state "
                        + "FROM signals s LEFT JOIN signal_processing p ON p.signal_id = s.id "
                        + "WHERE s.canonical_key IN (" + placeholders(chunk.size()) + ") "
                        + "ORDER BY s.canonical_key, s.detected_at, s.id")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            StoredSignal s = new StoredSignal(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7).doubleValue(),
                                    rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9), rs.getString(10),
                                    rs.getString(11) == null ? StoredSignal.PENDING : rs.getString(11), 0);
                            byKey.computeIfAbsent(s.canonicalKey(), k -> new ArrayList<>()).add(s);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read signals: " + e.getMessage(), e);
        }
        List<StoredSignal> out = new ArrayList<>();
        byKey.values().forEach(list -> list.forEach(s -> out.add(s.withKeySignalCount(list.size()))));
        return out;
    }

    /** Marks these signals pushed to {@code pageId}, if they are still pending; returns how many changed. */
    public int markPushed(Collection<Long> signalIds, String pageId, String metadata) {
        return mark(signalIds, StoredSignal.PUSHED, pageId, null, metadata);
    }

    /** Marks these signals rejected with {@code reason}, if they are still pending; returns how many changed. */
    public int markRejected(Collection<Long> signalIds, String reason, String metadata) {
        return mark(signalIds, StoredSignal.REJECTED, null, reason, metadata);
    }

    private int mark(Collection<Long> signalIds, String state, String pageId, String reason, String metadata) {
        int changed = 0;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            for (List<Long> chunk : chunks(new ArrayList<>(signalIds))) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE signal_processing SET state = ?, notion_page_id = ?, "
                        + "reason = ?, metadata = ?, updated_at = ? WHERE state = ? AND signal_id IN ("
                        + placeholders(chunk.size()) + ")")) {
                    ps.setString(1, state);
                    ps.setString(2, pageId);
                    ps.setString(3, reason);
                    ps.setString(4, metadata);
                    ps.setObject(5, now);
                    ps.setString(6, StoredSignal.PENDING);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(7 + i, chunk.get(i));
                    }
                    changed += ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark signals " + state + ": " + e.getMessage(), e);
        }
        return changed;
    }

    /** True when no signal has ever been stored. */
    public boolean isEmpty() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM signals LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return !rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read signals: " + e.getMessage(), e);
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                if ("23505".equals(s.getSQLState())) {
                    return true;
                }
                if (s instanceof BatchUpdateException && s.getNextException() != null
                        && "23505".equals(s.getNextException().getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
