package io.notionbridge.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Decides whether the evidence about one company is good enough to push it into the CRM. Rules
 * ({@code docs/scoring.md} has worked examples):
 * <ol>
 *   <li><b>Hard kill.</b> A signal whose type is in {@code hard-kill-types} (such as {@code company_dissolved}) gives
 *       REJECT whatever the score. Hard-kill signals never count towards the score.</li>
 *   <li><b>Base score</b> = the highest confidence of any signal, which is the highest of the per-source maxima.
 *       It is monotone (more evidence never lowers it), it cannot be inflated by one source repeating itself, and it
 *       does not count corroboration: that is the job of the two boosts, so nothing is rewarded twice. (A noisy-OR of
 *       the sources would already reward corroboration and then be boosted again; a mean would drop when a weak
 *       source joins.)</li>
 *   <li><b>Source boost</b>: 1 source x1.0, 2 sources x{@code boost.two-sources} (1.15), 3 or more
 *       x{@code boost.three-sources} (1.3).</li>
 *   <li><b>Type boost</b>: 1 distinct signal type x1.0, 2 x{@code boost.types.min} (1.2), 3 the midpoint (1.35),
 *       4 or more x{@code boost.types.max} (1.5).</li>
 *   <li><b>Score</b> = base x source boost x type boost, capped at 1.0 and rounded to 4 decimals.</li>
 *   <li><b>Decision</b>: score &ge; {@code auto-push-threshold} (0.7) gives AUTO_PUSH, except in strict mode with
 *       fewer than 2 sources, which gives NEEDS_REVIEW; score &ge; {@code review-threshold} (0.4) gives NEEDS_REVIEW;
 *       below, HOLD. No signals at all gives HOLD with score 0: nothing is wrong, there is just nothing yet.</li>
 * </ol>
 * Stateless apart from its settings; thread-safe.
 */
public final class VerificationGate {

    private final GateSettings settings;

    public VerificationGate(GateSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A gate with the documented default settings. */
    public VerificationGate() {
        this(GateSettings.DEFAULTS);
    }

    public GateSettings settings() {
        return settings;
    }

    /** The decision, score and reasons for the evidence about one company. */
    public GateResult evaluate(List<SignalEvidence> signals) {
        List<SignalEvidence> all = signals == null ? List.of() : signals;
        List<String> reasons = new ArrayList<>();
        List<SignalEvidence> kills = all.stream().filter(s -> settings.hardKillTypes().contains(s.signalType())).toList();
        kills.stream().map(s -> "hard-kill signal " + s.signalType() + " from " + s.sourceApi()).distinct()
                .forEach(reasons::add);
        List<SignalEvidence> evidence = all.stream().filter(s -> !settings.hardKillTypes().contains(s.signalType())).toList();

        Map<String, Double> bestPerSource = new TreeMap<>();
        evidence.forEach(s -> bestPerSource.merge(s.sourceApi(), s.confidence(), Math::max));
        List<String> sources = List.copyOf(bestPerSource.keySet());
        List<String> types = evidence.stream().map(SignalEvidence::signalType).distinct().sorted().toList();

        double score = 0.0;
        if (evidence.isEmpty()) {
            reasons.add(kills.isEmpty() ? "no signals yet" : "no signals besides hard-kill ones");
        } else {
            double base = bestPerSource.values().stream().mapToDouble(Double::doubleValue).max().orElse(0.0);
            reasons.add("base " + fmt(base) + ": highest confidence per source (" + bestPerSource.entrySet().stream()
                    .map(e -> e.getKey() + " " + fmt(e.getValue())).collect(Collectors.joining(", ")) + ")");
            double sourceBoost = sourceBoost(sources.size());
            reasons.add(count(sources.size(), "source") + " (" + String.join(", ", sources) + "): x" + fmt(sourceBoost));
            double typeBoost = typeBoost(types.size());
            reasons.add(count(types.size(), "signal type") + " (" + String.join(", ", types) + "): x" + fmt(typeBoost));
            double raw = base * sourceBoost * typeBoost;
            score = round(Math.min(1.0, raw));
            reasons.add("score " + fmt(score) + (raw > 1.0 ? " (capped at 1.0 from " + fmt(raw) + ")" : ""));
        }
        GateDecision decision = decide(score, kills.isEmpty(), sources.size(), reasons);
        return new GateResult(decision, score, reasons, sources, types);
    }

    private GateDecision decide(double score, boolean noKill, int sourceCount, List<String> reasons) {
        if (!noKill) {
            reasons.add("REJECT: a hard-kill signal wins over any score");
            return GateDecision.REJECT;
        }
        if (score >= settings.autoPushThreshold()) {
            if (settings.strict() && sourceCount < 2) {
                reasons.add("strict mode: AUTO_PUSH needs 2 or more sources, have " + sourceCount + ": NEEDS_REVIEW");
                return GateDecision.NEEDS_REVIEW;
            }
            reasons.add("score >= auto-push threshold " + fmt(settings.autoPushThreshold()) + ": AUTO_PUSH");
            return GateDecision.AUTO_PUSH;
        }
        if (score >= settings.reviewThreshold()) {
            reasons.add("score >= review threshold " + fmt(settings.reviewThreshold()) + ": NEEDS_REVIEW");
            return GateDecision.NEEDS_REVIEW;
        }
        reasons.add("score < review threshold " + fmt(settings.reviewThreshold()) + ": HOLD (wait for more signals)");
        return GateDecision.HOLD;
    }

    private double sourceBoost(int sources) {
        return sources >= 3 ? settings.threeSourcesBoost() : sources == 2 ? settings.twoSourcesBoost() : 1.0;
    }

    private double typeBoost(int types) {
        if (types >= 4) {
            return settings.typesMaxBoost();
        }
        if (types == 3) {
            return (settings.typesMinBoost() + settings.typesMaxBoost()) / 2;
        }
        return types == 2 ? settings.typesMinBoost() : 1.0;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
