package io.notionbridge.discovery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A signal that passed validation, in the form it is stored: canonical values, the key built from its hints, the
 * detection time at the store's precision (microseconds) and the JSON documents as text.
 *
 * @param canonicalKey  {@code type:value}
 * @param keyStrength   {@code strong} or {@code weak}
 * @param signalType    lower-case signal type
 * @param sourceApi     lower-case source
 * @param companyName   the name as sent, trimmed
 * @param confidence    0 to 1, 5 decimals (the store's precision)
 * @param detectedAt    when the collector saw it; "now" when the signal did not say
 * @param rawData       the {@code raw_data} object as JSON text, or null
 * @param identityHints the identity hints the signal carried, as a JSON object in text
 */
public record SignalInput(String canonicalKey, String keyStrength, String signalType, String sourceApi,
                          String companyName, BigDecimal confidence, Instant detectedAt, String rawData,
                          String identityHints) {

    public SignalInput {
        Objects.requireNonNull(canonicalKey, "canonicalKey");
        Objects.requireNonNull(signalType, "signalType");
        Objects.requireNonNull(sourceApi, "sourceApi");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    /** The identity the store's unique constraint is on. */
    public String identity() {
        return canonicalKey + "|" + signalType + "|" + sourceApi + "|" + detectedAt;
    }
}
