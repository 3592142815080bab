package io.notionbridge.discovery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * What discovery reads from and writes to the {@code suppression_cache}, the local mirror of the CRM that the
 * suppression sync fills: lookups by canonical key (expired rows are ignored), and an upsert of the row of a company
 * the push job has just created or found, so the cache knows it at once. The row's {@code metadata} may carry
 * {@code signal_types} (the CRM page's signal types), which lets an update add types without reading the page first.
 */
public class SuppressionEntries {

    /** One unexpired row. {@code signalTypes} is empty when the row does not say. */
    public record Entry(String canonicalKey, String pageId, String status, String companyName,
                        Optional<List<String>> signalTypes) {
    }

    private final DataSource dataSource;
    private final Duration ttl;
    private final Clock clock;

    public SuppressionEntries(DataSource dataSource, Duration ttl, Clock clock) {
        this.dataSource = dataSource;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The unexpired rows of these keys, by key. */
    public Map<String, Entry> find(Collection<String> keys) {
        Map<String, Entry> out = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            for (List<String> chunk : SignalStore.chunks(new ArrayList<>(new LinkedHashSet<>(keys)))) {
                try (PreparedStatement ps = c.prepareStatement("SELECT canonical_key, notion_page_id, status, company_name, "
                        + "metadata FROM suppression_cache WHERE expires_at > ? AND canonical_key IN ("
                        + SignalStore.placeholders(chunk.size()) + ")")) {
                    ps.setObject(1, now);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), signalTypes(rs.getString(5))));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the suppression cache: " + e.getMessage(), e);
        }
        return out;
    }

    public Optional<Entry> find(String key) {
        return Optional.ofNullable(find(List.of(key)).get(key));
    }

    /**
     * Creates or refreshes the row of {@code key}: page id, name, status (kept when null), the page's last edit,
     * {@code signal_types} merged into the metadata, cached now, expiring after the TTL.
     */
    public void upsert(String key, String keyStrength, String pageId, String status, String companyName,
                       Instant pageLastEdited, List<String> signalTypes) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        OffsetDateTime edited = pageLastEdited == null ? null : OffsetDateTime.ofInstant(pageLastEdited, ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 1; ; attempt++) {
                ObjectNode metadata = metadata(c, key);
                metadata.put("source", "discovery-push");
                metadata.set("signal_types", NotionJson.MAPPER.valueToTree(signalTypes));
                try (PreparedStatement up = c.prepareStatement("UPDATE suppression_cache SET key_strength = ?, "
                        + "notion_page_id = ?, status = COALESCE(?, status), company_name = ?, "
                        + "page_last_edited_time = COALESCE(?, page_last_edited_time), cached_at = ?, expires_at = ?, "
                        + "metadata = ? WHERE canonical_key = ?")) {
                    up.setString(1, keyStrength);
                    up.setString(2, pageId);
                    up.setString(3, status);
                    up.setString(4, companyName);
                    up.setObject(5, edited);
                    up.setObject(6, now);
                    up.setObject(7, now.plus(ttl));
                    up.setString(8, metadata.toString());
                    up.setString(9, key);
                    if (up.executeUpdate() > 0) {
                        return;
                    }
                }
                try (PreparedStatement in = c.prepareStatement("INSERT INTO suppression_cache (canonical_key, key_strength, "
                        + "notion_page_id, status, company_name, page_last_edited_time, cached_at, expires_at, metadata) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    in.setString(1, key);
                    in.setString(2, keyStrength);
                    in.setString(3, pageId);
                    in.setString(4, status);
                    in.setString(5, companyName);
                    in.setObject(6, edited);
                    in.setObject(7, now);
                    in.setObject(8, now.plus(ttl));
                    in.setString(9, metadata.toString());
                    in.executeUpdate();
                    return;
                } catch (SQLException e) {
                    // the suppression sync inserted the row meanwhile: update it instead
                    if (!SignalStore.isUniqueViolation(e) || attempt >= 3) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the suppression cache for " + key + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the row of {@code key} (its page is gone from the CRM). */
    public void remove(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM suppression_cache WHERE canonical_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the suppression cache for " + key + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode metadata(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT metadata FROM suppression_cache WHERE canonical_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    JsonNode n = readJson(rs.getString(1));
                    if (n != null && n.isObject()) {
                        return (ObjectNode) n;
                    }
                }
            }
        }
        return NotionJson.object();
    }

    static Optional<List<String>> signalTypes(String metadata) {
        JsonNode n = metadata == null ? null : readJson(metadata);
        if (n == null || !n.path("signal_types").isArray()) {
            return Optional.empty();
        }
        List<String> types = new ArrayList<>();
        n.get("signal_types").forEach(t -> {
            if (t.isTextual()) {
                types.add(t.textValue());
            }
        });
        return Optional.of(List.copyOf(types));
    }

    private static JsonNode readJson(String s) {
        try {
            return NotionJson.MAPPER.readTree(s);
        } catch (Exception e) {
            return null;
        }
    }
}
