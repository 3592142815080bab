package io.notionbridge.ops.mcp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MCP sessions of this process: created by {@code initialize} (the id goes back in {@code Mcp-Session-Id}), ended by
 * {@code DELETE}, and forgotten after {@code idleTimeout} without a request. Each remembers the protocol revision it
 * negotiated. At most {@code maxSessions} live at once; the least recently used one makes room for a new one.
 */
public final class McpSessions {

    /** One session: its negotiated protocol revision and the client that opened it. */
    public static final class Session {
        private final String id;
        private final String protocolVersion;
        private final String client;
        private volatile Instant lastUsed;
        private volatile boolean initialized;

        Session(String id, String protocolVersion, String client, Instant now) {
            this.id = id;
            this.protocolVersion = protocolVersion;
            this.client = client;
            this.lastUsed = now;
        }

        public String id() {
            return id;
        }

        public String protocolVersion() {
            return protocolVersion;
        }

        public String client() {
            return client;
        }

        public boolean initialized() {
            return initialized;
        }

        void markInitialized() {
            initialized = true;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final int maxSessions;
    private final Clock clock;

    public McpSessions(Duration idleTimeout, int maxSessions, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
        this.clock = clock;
    }

    /** A new session with a random id of visible ASCII characters (URL-safe base64 of 24 random bytes). */
    public Session create(String protocolVersion, String client) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        synchronized (sessions) {
            expire(now);
            while (sessions.size() >= maxSessions) {
                sessions.values().stream().min(Comparator.comparing(s -> s.lastUsed)).ifPresent(s -> sessions.remove(s.id));
            }
            Session s = new Session(id, protocolVersion, client, now);
            sessions.put(id, s);
            return s;
        }
    }

    /** The live session with this id, marked as used now; empty when unknown, ended or expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        Instant now = clock.instant();
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, now)) {
            sessions.remove(id, s);
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s);
    }

    /** Ends a session; false when there was none. */
    public boolean end(String id) {
        return id != null && sessions.remove(id) != null;
    }

    public int size() {
        return sessions.size();
    }

    private void expire(Instant now) {
        sessions.values().removeIf(s -> expired(s, now));
    }

    private boolean expired(Session s, Instant now) {
        return s.lastUsed.plus(idleTimeout).isBefore(now);
    }
}
