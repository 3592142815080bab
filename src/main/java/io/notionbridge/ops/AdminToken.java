package io.notionbridge.ops;

import io.notionbridge.runtime.HttpProblem;

/**
 * The admin API's guard on {@code bridge.admin.token} (the same {@link BearerToken} the MCP endpoint uses): with no
 * token configured the API is off (404); a missing or wrong {@code Authorization: Bearer} header is 401.
 */
public class AdminToken {

    private final BearerToken token;

    public AdminToken(String token) {
        this.token = new BearerToken(token);
    }

    public boolean enabled() {
        return token.configured();
    }

    /** Checks an {@code Authorization} header value; throws the HTTP answer to give when it does not pass. */
    public void check(String authorization) {
        if (!token.configured()) {
            throw new HttpProblem(404, "not_found", "the admin API is off: set BRIDGE_ADMIN_TOKEN to turn it on");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new HttpProblem(401, "unauthorized", "send the admin token as Authorization: Bearer <token>");
        }
        if (!token.accepts(authorization)) {
            throw new HttpProblem(401, "unauthorized", "the admin token is wrong");
        }
    }
}
