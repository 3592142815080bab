package io.notionbridge.suppression;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.notionbridge.store.Transactions;

/**
 * The {@code suppression_cache} table: the local mirror of the CRM, one row per canonical key, each with an expiry.
 * Writes are in bulk (one batch per page of Notion results); reads are by key.
 */
public class SuppressionCache {

    /** A cached company, for lookups by key. */
    public record Cached(String canonicalKey, String pageId, String status, String companyName, Instant expiresAt) {
    }

    private final DataSource dataSource;
    private final boolean postgres;

    public SuppressionCache(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** Inserts or refreshes {@code entries} in one transaction; each expires at {@code expiresAt}. */
    public int upsertAll(List<SuppressionEntry> entries, Instant now, Instant expiresAt) throws SQLException {
        if (entries.isEmpty()) {
            return 0;
        }
        String sql = postgres
                ? "INSERT INTO suppression_cache (canonical_key, key_strength, notion_page_id, status, company_name, "
                + "page_last_edited_time, cached_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (canonical_key) "
                + "DO UPDATE SET key_strength = EXCLUDED.key_strength, notion_page_id = EXCLUDED.notion_page_id, "
                + "status = EXCLUDED.status, company_name = EXCLUDED.company_name, page_last_edited_time = "
                + "EXCLUDED.page_last_edited_time, cached_at = EXCLUDED.cached_at, expires_at = EXCLUDED.expires_at"
                : "MERGE INTO suppression_cache (canonical_key, key_strength, notion_page_id, status, company_name, "
                + "page_last_edited_time, cached_at, expires_at) KEY (canonical_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            Transactions.inTransaction(c, tx -> {
                try (PreparedStatement ps = tx.prepareStatement(sql)) {
                    for (SuppressionEntry e : entries) {
                        ps.setString(1, e.canonicalKey());
                        ps.setString(2, e.strong() ? "strong" : "weak");
                        ps.setString(3, e.pageId());
                        ps.setString(4, e.status());
                        ps.setString(5, e.companyName());
                        ps.setObject(6, e.pageLastEditedTime() == null ? null : e.pageLastEditedTime().atOffset(ZoneOffset.UTC));
                        ps.setObject(7, now.atOffset(ZoneOffset.UTC));
                        ps.setObject(8, expiresAt.atOffset(ZoneOffset.UTC));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            });
        }
        return entries.size();
    }

    /** Removes the entries of these pages (trashed in Notion); returns how many. */
    public int removePages(Collection<String> pageIds) throws SQLException {
        int n = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM suppression_cache WHERE notion_page_id = ?")) {
            for (String id : pageIds) {
                ps.setString(1, id);
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    /** Entries of pages not in {@code seen} (a full refresh's pages): how many, and removes them unless counting only. */
    public int removePagesNotIn(Set<String> seen, boolean countOnly) throws SQLException {
        Set<String> gone = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT notion_page_id FROM suppression_cache");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!seen.contains(rs.getString(1))) {
                    gone.add(rs.getString(1));
                }
            }
        }
        return countOnly ? gone.size() : removePages(gone);
    }

    /** Removes entries that expired before {@code now} (or only counts them); returns how many. */
    public int removeExpired(Instant now, boolean countOnly) throws SQLException {
        String sql = countOnly ? "SELECT COUNT(*) FROM suppression_cache WHERE expires_at < ?"
                : "DELETE FROM suppression_cache WHERE expires_at < ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, now.atOffset(ZoneOffset.UTC));
            if (countOnly) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
            return ps.executeUpdate();
        }
    }

    /** The live (not expired) entry for {@code canonicalKey}. */
    public Optional<Cached> find(String canonicalKey, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT notion_page_id, status, company_name, expires_at FROM "
                     + "suppression_cache WHERE canonical_key = ? AND expires_at >= ?")) {
            ps.setString(1, canonicalKey);
            ps.setObject(2, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Cached(canonicalKey, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()));
            }
        }
    }

    public int count() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM suppression_cache");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
