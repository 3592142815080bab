package io.notionbridge.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One company as the push job sees it: every stored signal of its canonical key, merged, and the verification
 * gate's verdict on them. Built by {@link ProspectBuilder}.
 *
 * @param companyName the name in the latest signal
 * @param signals     every signal of the key, oldest first (pending and already processed ones)
 * @param rawData     the signals' raw data merged field by field, the latest signal's value winning
 * @param hints       the identity hints merged the same way ({@code website}, {@code domain}, {@code location}, ...)
 * @param result      the gate's decision, score and reasons
 */
public record Prospect(String canonicalKey, String keyStrength, String companyName, List<StoredSignal> signals,
                       ObjectNode rawData, ObjectNode hints, GateResult result) {

    public Prospect {
        Objects.requireNonNull(canonicalKey, "canonicalKey");
        signals = List.copyOf(signals);
        Objects.requireNonNull(result, "result");
    }

    /** The gate's decision by name ({@code AUTO_PUSH}, {@code NEEDS_REVIEW}, {@code HOLD}, {@code REJECT}). */
    public String decision() {
        return result.decision().name();
    }

    public double score() {
        return result.score();
    }

    /** The ids of the signals still pending: the ones this run settles. */
    public List<Long> pendingSignalIds() {
        return signals.stream().filter(StoredSignal::pending).map(StoredSignal::id).toList();
    }

    /** When the newest signal was detected. */
    public Instant latestSignalAt() {
        return signals.stream().map(StoredSignal::detectedAt).max(Instant::compareTo).orElse(null);
    }

    /** A text field of the merged raw data, or null when absent or blank. */
    public String raw(String field) {
        var v = rawData.get(field);
        return v == null || !v.isValueNode() || v.asText().isBlank() ? null : v.asText().strip();
    }

    /** A merged identity hint, or null. */
    public String hint(String field) {
        var v = hints.get(field);
        return v == null || !v.isTextual() || v.textValue().isBlank() ? null : v.textValue();
    }
}
