package io.notionbridge.runtime;

/**
 * The {@code Idempotency-Key} request header (IETF draft "The Idempotency-Key HTTP Header Field", as Stripe and
 * others use it): a client-chosen string, the same on every resend of one request, so that a request whose answer was
 * lost can be sent again without being applied twice.
 *
 * @param value 1 to {@value #MAX_LENGTH} visible ASCII characters
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    /**
     * Reads the header.
     *
     * @return null when the request has none
     * @throws HttpProblem 400 {@code invalid_idempotency_key} naming what is wrong with it
     */
    public static IdempotencyKey parse(String header) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty()) {
            throw invalid("it is empty");
        }
        if (header.length() > MAX_LENGTH) {
            throw invalid("it is " + header.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        for (int i = 0; i < header.length(); i++) {
            char ch = header.charAt(i);
            if (ch < 0x21 || ch > 0x7e) {
                throw invalid("character " + (i + 1) + " is not a visible ASCII character (use letters, digits and "
                        + "punctuation, e.g. a UUID)");
            }
        }
        return new IdempotencyKey(header);
    }

    private static HttpProblem invalid(String why) {
        return new HttpProblem(400, "invalid_idempotency_key", "the " + HEADER + " header is not valid: " + why);
    }
}
