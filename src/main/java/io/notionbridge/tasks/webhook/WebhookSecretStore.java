package io.notionbridge.tasks.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that signs Notion's webhook events (Notion calls it the verification token), and the rules for the
 * verification handshake. Where the secret comes from, strongest first:
 * <ol>
 *   <li>configured: {@code bridge.notion.webhook-secret} ({@code NOTION_WEBHOOK_SECRET}); never overwritten;</li>
 *   <li>for this run only: set by the runtime itself (the sandbox subscription it makes in sandbox mode);</li>
 *   <li>stored: the token of a verification request received in setup mode, kept in the store table
 *       {@code webhook_secrets}.</li>
 * </ol>
 * A verification token is stored only when there is no secret at all and setup mode
 * ({@code bridge.tasks.webhook.setup-mode}) is on; a stored token is never replaced (an insert, not an upsert). Tokens
 * never appear whole in logs: see {@link #redact}. Thread-safe.
 */
public class WebhookSecretStore {

    /** What happened to the token of a verification request. */
    public enum Handshake {
        STORED("stored as the webhook secret (setup mode)"),
        KEPT_CONFIGURED("not stored: a secret is configured (NOTION_WEBHOOK_SECRET) and is never overwritten"),
        KEPT_RUNTIME("not stored: this run uses its own secret (sandbox subscription)"),
        KEPT_STORED("not stored: a secret is already stored and is never overwritten"),
        SETUP_MODE_OFF("not stored: setup mode is off (bridge.tasks.webhook.setup-mode)");

        private final String description;

        Handshake(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    static final String NAME = "notion";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSecretStore.class);
    private static final Duration RELOAD_INTERVAL = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final String configured;
    private final boolean setupMode;
    private final Clock clock;
    private volatile String runtime;
    private volatile String stored;
    private volatile WebhookSignature signature;
    private volatile String signatureSecret;
    private volatile Instant lastReload = Instant.EPOCH;

    public WebhookSecretStore(DataSource dataSource, String configuredSecret, boolean setupMode, Clock clock) {
        this.dataSource = dataSource;
        this.configured = configuredSecret == null || configuredSecret.isBlank() ? null : configuredSecret.strip();
        this.setupMode = setupMode;
        this.clock = clock;
        if (this.configured == null) {
            this.stored = load();
        }
    }

    /** The secret events are verified with, if any. */
    public Optional<String> active() {
        if (configured != null) {
            return Optional.of(configured);
        }
        return Optional.ofNullable(runtime != null ? runtime : stored);
    }

    /** Where the active secret comes from: configured, runtime, stored or none. */
    public String source() {
        return configured != null ? "configured" : runtime != null ? "runtime" : stored != null ? "stored" : "none";
    }

    public boolean setupMode() {
        return setupMode;
    }

    /** The verifier for the active secret; empty when there is no secret yet. */
    public Optional<WebhookSignature> signature() {
        Optional<String> secret = active();
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        WebhookSignature s = signature;
        if (s == null || !secret.get().equals(signatureSecret)) {
            synchronized (this) {
                s = new WebhookSignature(secret.get());
                signatureSecret = secret.get();
                signature = s;
            }
        }
        return Optional.of(s);
    }

    /**
     * Uses {@code secret} for this run (not stored); ignored when a secret is configured, which always wins.
     *
     * @return whether it is now the active secret
     */
    public boolean useForThisRun(String secret) {
        if (configured != null) {
            return false;
        }
        runtime = secret;
        return true;
    }

    /** Applies the handshake rules to the token of a verification request. */
    public synchronized Handshake onVerificationToken(String token) {
        if (configured != null) {
            return Handshake.KEPT_CONFIGURED;
        }
        if (runtime != null) {
            return Handshake.KEPT_RUNTIME;
        }
        if (stored == null) {
            stored = load();
        }
        if (stored != null) {
            return Handshake.KEPT_STORED;
        }
        if (!setupMode) {
            return Handshake.SETUP_MODE_OFF;
        }
        if (!insert(token)) {
            stored = load();
            return Handshake.KEPT_STORED;
        }
        stored = token;
        return Handshake.STORED;
    }

    /**
     * Re-reads the stored secret when none is configured, at most every 10 s: another instance sharing the store may
     * have stored the token of a handshake it received. Returns whether the active secret changed.
     */
    public boolean reloadIfStale() {
        if (configured != null || runtime != null) {
            return false;
        }
        Instant now = clock.instant();
        if (Duration.between(lastReload, now).compareTo(RELOAD_INTERVAL) < 0) {
            return false;
        }
        lastReload = now;
        String before = stored;
        String after = load();
        stored = after;
        return after != null && !after.equals(before);
    }

    /** A token as logs may show it: its first 6 characters and its length, e.g. {@code secret…(50 chars)}. */
    public static String redact(String token) {
        if (token == null) {
            return "(none)";
        }
        return token.substring(0, Math.min(6, token.length())) + "…(" + token.length() + " chars)";
    }

    private String load() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT secret FROM webhook_secrets WHERE name = ?")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored webhook secret: " + e.getMessage(), e);
        }
    }

    private boolean insert(String token) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO webhook_secrets (name, secret, source, stored_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, NAME);
            ps.setString(2, token);
            ps.setString(3, "verification_request");
            ps.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                LOG.debug("webhook secret already stored by a concurrent handshake");
                return false;
            }
            throw new IllegalStateException("cannot store the webhook secret: " + e.getMessage(), e);
        }
    }
}
