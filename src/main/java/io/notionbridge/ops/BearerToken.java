package io.notionbridge.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token that guards the admin API and the MCP endpoint ({@code bridge.admin.token}). Tokens are compared in
 * constant time (as SHA-256 digests, so not even the length leaks); the token is never logged or shown.
 */
public final class BearerToken {

    private final byte[] digest;

    public BearerToken(String token) {
        this.digest = token == null || token.isBlank() ? null : sha256(token.trim());
    }

    /** False when no token is configured: the endpoint is off. */
    public boolean configured() {
        return digest != null;
    }

    /** True when {@code authorization} is {@code Bearer <the token>}. */
    public boolean accepts(String authorization) {
        if (digest == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(7).trim()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return configured() ? "BearerToken[configured]" : "BearerToken[none]";
    }
}
