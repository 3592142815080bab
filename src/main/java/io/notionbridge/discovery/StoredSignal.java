package io.notionbridge.discovery;

import java.time.Instant;

/**
 * A signal as the push job reads it back from the store, with its processing state and how many stored signals its
 * company has in this run (the aggregator's completion size).
 *
 * @param state          {@code pending}, {@code pushed} or {@code rejected}
 * @param rawData        the raw data object as JSON text, or null
 * @param identityHints  the identity hints as a JSON object in text, or null
 * @param keySignalCount how many signals of {@code canonicalKey} this run loaded, this one included
 */
public record StoredSignal(long id, String canonicalKey, String keyStrength, String signalType, String sourceApi,
                           String companyName, double confidence, Instant detectedAt, String rawData,
                           String identityHints, String state, int keySignalCount) {

    public static final String PENDING = "pending";
    public static final String PUSHED = "pushed";
    public static final String REJECTED = "rejected";

    public boolean pending() {
        return PENDING.equals(state);
    }

    public StoredSignal withKeySignalCount(int count) {
        return new StoredSignal(id, canonicalKey, keyStrength, signalType, sourceApi, companyName, confidence, detectedAt,
                rawData, identityHints, state, count);
    }

    /** What the verification gate needs from this signal. */
    public SignalEvidence evidence() {
        return new SignalEvidence(signalType, sourceApi, confidence, detectedAt);
    }
}
