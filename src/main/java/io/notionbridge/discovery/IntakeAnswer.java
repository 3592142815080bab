package io.notionbridge.discovery;

import java.util.Map;

/**
 * The answer to an accepted intake request.
 *
 * @param status 201 when at least one signal was stored, 200 when every signal was stored before
 * @param body   {@code {"accepted", "duplicates", "signals": [{"id", "canonical_key", "key_strength", "duplicate",
 *               "known_in_crm"}]}}
 */
public record IntakeAnswer(int status, Map<String, Object> body) {
}
