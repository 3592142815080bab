package io.notionbridge.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.notionbridge.runtime.HttpProblem;

/**
 * The bearer token of the admin API and the MCP endpoint ({@code bridge.admin.token}). With no token configured
 * both are off (404). The token is compared in constant time and never logged.
 */
public class AdminToken {

    private final byte[] token;

    public AdminToken(String token) {
        this.token = token == null || token.isBlank() ? null : token.trim().getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return token != null;
    }

    /** Checks an {@code Authorization} header value; throws the HTTP answer to give when it does not pass. */
    public void check(String authorization) {
        if (token == null) {
            throw new HttpProblem(404, "not_found", "the admin API is off: set BRIDGE_ADMIN_TOKEN to turn it on");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new HttpProblem(401, "unauthorized", "send the admin token as Authorization: Bearer <token>");
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw new HttpProblem(401, "unauthorized", "the admin token is wrong");
        }
    }
}
