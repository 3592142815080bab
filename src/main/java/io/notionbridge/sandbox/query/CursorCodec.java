package io.notionbridge.sandbox.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.notionbridge.sandbox.model.ApiError;

/**
 * Opaque pagination cursors: the position in the result list plus a fingerprint of the query that made them, so a
 * cursor given to another query is refused like Notion refuses a stale or foreign cursor. Not a UUID, on purpose:
 * clients must treat cursors as opaque strings.
 */
public final class CursorCodec {

    private static final String PREFIX = "sbx1";

    private CursorCodec() {
    }

    public static String encode(int offset, String fingerprint) {
        String raw = PREFIX + ":" + offset + ":" + fingerprint;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset of {@code cursor}, or a {@code validation_error} when it is malformed or from another query. */
    public static int decode(String cursor, String fingerprint, String where) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts.length == 3 && parts[0].equals(PREFIX) && parts[2].equals(fingerprint)) {
                int offset = Integer.parseInt(parts[1]);
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiError.validation(where + " failed validation: " + where + ".start_cursor should be a cursor returned "
                + "by this query, instead was `" + cursor + "`.");
    }

    /** A short, stable fingerprint of the text that identifies a query. */
    public static String fingerprint(String queryIdentity) {
        return Integer.toHexString(queryIdentity.hashCode());
    }
}
