package io.notionbridge.discovery;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One signal's contribution to the evidence about a company, as the {@link VerificationGate} sees it.
 *
 * @param signalType what was observed ({@code github_star_spike}, {@code new_incorporation}, {@code company_dissolved});
 *                   trimmed and lower-cased
 * @param sourceApi  where it was observed ({@code github}, {@code companies_house}); trimmed and lower-cased
 * @param confidence how sure the collector is, from 0 to 1
 * @param detectedAt when it was observed
 */
public record SignalEvidence(String signalType, String sourceApi, double confidence, Instant detectedAt) {

    public SignalEvidence {
        signalType = requireName(signalType, "signalType");
        sourceApi = requireName(sourceApi, "sourceApi");
        if (Double.isNaN(confidence) || confidence < 0.0 || confidence > 1.0) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    private static String requireName(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
