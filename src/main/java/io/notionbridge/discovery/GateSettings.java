package io.notionbridge.discovery;

import io.notionbridge.config.SettingValues;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link VerificationGate}'s numbers, read from properties under {@code bridge.gate.}; every key is optional and
 * falls back to the default shown. See {@code docs/scoring.md}.
 *
 * @param autoPushThreshold {@code bridge.gate.auto-push-threshold}, default 0.7: score for AUTO_PUSH
 * @param reviewThreshold   {@code bridge.gate.review-threshold}, default 0.4: score for NEEDS_REVIEW
 * @param strict            {@code bridge.gate.strict}, default false: AUTO_PUSH also needs 2 or more sources
 * @param hardKillTypes     {@code bridge.gate.hard-kill-types}, default {@code company_dissolved}: comma list of signal
 *                          types that give REJECT
 * @param twoSourcesBoost   {@code bridge.gate.boost.two-sources}, default 1.15
 * @param threeSourcesBoost {@code bridge.gate.boost.three-sources}, default 1.3: for 3 or more sources
 * @param typesMinBoost     {@code bridge.gate.boost.types.min}, default 1.2: for 2 distinct signal types
 * @param typesMaxBoost     {@code bridge.gate.boost.types.max}, default 1.5: for 4 or more; 3 types get the midpoint
 */
public record GateSettings(double autoPushThreshold, double reviewThreshold, boolean strict, Set<String> hardKillTypes,
                           double twoSourcesBoost, double threeSourcesBoost, double typesMinBoost, double typesMaxBoost) {

    public static final String PREFIX = "bridge.gate.";
    public static final String AUTO_PUSH_THRESHOLD = PREFIX + "auto-push-threshold";
    public static final String REVIEW_THRESHOLD = PREFIX + "review-threshold";
    public static final String STRICT = PREFIX + "strict";
    public static final String HARD_KILL_TYPES = PREFIX + "hard-kill-types";
    public static final String BOOST_TWO_SOURCES = PREFIX + "boost.two-sources";
    public static final String BOOST_THREE_SOURCES = PREFIX + "boost.three-sources";
    public static final String BOOST_TYPES_MIN = PREFIX + "boost.types.min";
    public static final String BOOST_TYPES_MAX = PREFIX + "boost.types.max";

    /** The documented defaults. */
    public static final GateSettings DEFAULTS =
            new GateSettings(0.7, 0.4, false, Set.of("company_dissolved"), 1.15, 1.3, 1.2, 1.5);

    public GateSettings {
        requireBetween(AUTO_PUSH_THRESHOLD, autoPushThreshold, 0.0, 1.0);
        requireBetween(REVIEW_THRESHOLD, reviewThreshold, 0.0, 1.0);
        if (reviewThreshold > autoPushThreshold) {
            throw new IllegalArgumentException(REVIEW_THRESHOLD + " (" + reviewThreshold + ") must not be above "
                    + AUTO_PUSH_THRESHOLD + " (" + autoPushThreshold + ")");
        }
        hardKillTypes = hardKillTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        requireBetween(BOOST_TWO_SOURCES, twoSourcesBoost, 1.0, 10.0);
        requireBetween(BOOST_THREE_SOURCES, threeSourcesBoost, twoSourcesBoost, 10.0);
        requireBetween(BOOST_TYPES_MIN, typesMinBoost, 1.0, 10.0);
        requireBetween(BOOST_TYPES_MAX, typesMaxBoost, typesMinBoost, 10.0);
    }

    /**
     * Settings from a property lookup such as {@code key -> config.get(key, null)}; a missing or blank key takes its
     * default.
     *
     * @throws IllegalArgumentException naming the key, when a value is not a number or boolean or is out of range
     */
    public static GateSettings fromProperties(Function<String, String> lookup) {
        return new GateSettings(
                number(lookup, AUTO_PUSH_THRESHOLD, DEFAULTS.autoPushThreshold),
                number(lookup, REVIEW_THRESHOLD, DEFAULTS.reviewThreshold),
                bool(lookup, STRICT, DEFAULTS.strict),
                list(lookup, HARD_KILL_TYPES, DEFAULTS.hardKillTypes),
                number(lookup, BOOST_TWO_SOURCES, DEFAULTS.twoSourcesBoost),
                number(lookup, BOOST_THREE_SOURCES, DEFAULTS.threeSourcesBoost),
                number(lookup, BOOST_TYPES_MIN, DEFAULTS.typesMinBoost),
                number(lookup, BOOST_TYPES_MAX, DEFAULTS.typesMaxBoost));
    }

    /** Settings from a map of properties (full keys, as in {@code application.properties}). */
    public static GateSettings fromMap(Map<String, String> properties) {
        return fromProperties(properties::get);
    }

    private static double number(Function<String, String> lookup, String key, double fallback) {
        return SettingValues.number(lookup, key, fallback);
    }

    private static boolean bool(Function<String, String> lookup, String key, boolean fallback) {
        return SettingValues.bool(lookup, key, fallback);
    }

    private static Set<String> list(Function<String, String> lookup, String key, Set<String> fallback) {
        String v = lookup.apply(key);
        if (v == null) {
            return fallback;
        }
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static void requireBetween(String key, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
