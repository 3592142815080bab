package io.notionbridge.discovery;

import java.util.Map;

/**
 * The answer to an accepted intake request.
 *
 * @param status   201 when at least one signal was stored, 200 when every signal was stored before
 * @param body     {@code {"accepted", "duplicates", "signals": [{"id", "canonical_key", "key_strength", "duplicate",
 *                 "known_in_crm"}]}}
 * @param replayed true when this is the recorded answer to an earlier request with the same {@code Idempotency-Key}
 *                 (header {@code Idempotent-Replayed})
 */
public record IntakeAnswer(int status, Map<String, Object> body, boolean replayed) {

    public IntakeAnswer(int status, Map<String, Object> body) {
        this(status, body, false);
    }
}
