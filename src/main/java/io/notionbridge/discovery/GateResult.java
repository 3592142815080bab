package io.notionbridge.discovery;

import java.util.List;
import java.util.Objects;

/**
 * The {@link VerificationGate}'s verdict on one company.
 *
 * @param decision    what to do
 * @param score       the evidence score, 0 to 1, rounded to 4 decimals (the value compared with the thresholds)
 * @param reasons     human-readable lines that explain the score and the decision, in the order they apply
 * @param sources     the distinct sources that contributed to the score, sorted
 * @param signalTypes the distinct signal types that contributed to the score, sorted
 */
public record GateResult(GateDecision decision, double score, List<String> reasons, List<String> sources,
                         List<String> signalTypes) {

    public GateResult {
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
        sources = List.copyOf(sources);
        signalTypes = List.copyOf(signalTypes);
    }
}
