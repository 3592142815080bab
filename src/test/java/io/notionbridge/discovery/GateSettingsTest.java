package io.notionbridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GateSettingsTest {

    @Test
    void missingKeysTakeTheDocumentedDefaults() {
        GateSettings s = GateSettings.fromMap(Map.of());
        assertEquals(GateSettings.DEFAULTS, s);
        assertEquals(0.7, s.autoPushThreshold());
        assertEquals(0.4, s.reviewThreshold());
        assertEquals(false, s.strict());
        assertEquals(Set.of("company_dissolved"), s.hardKillTypes());
        assertEquals(1.15, s.twoSourcesBoost());
        assertEquals(1.3, s.threeSourcesBoost());
        assertEquals(1.2, s.typesMinBoost());
        assertEquals(1.5, s.typesMaxBoost());
    }

    @Test
    void everyKeyIsRead() {
        GateSettings s = GateSettings.fromProperties(Map.of(
                "bridge.gate.auto-push-threshold", "0.8",
                "bridge.gate.review-threshold", " 0.5 ",
                "bridge.gate.strict", "TRUE",
                "bridge.gate.hard-kill-types", "company_dissolved, Company_Liquidation ,,",
                "bridge.gate.boost.two-sources", "1.1",
                "bridge.gate.boost.three-sources", "1.2",
                "bridge.gate.boost.types.min", "1.25",
                "bridge.gate.boost.types.max", "1.75")::get);
        assertEquals(new GateSettings(0.8, 0.5, true, Set.of("company_dissolved", "company_liquidation"),
                1.1, 1.2, 1.25, 1.75), s);
    }

    @Test
    void anEmptyHardKillListTurnsHardKillsOff() {
        assertEquals(Set.of(), GateSettings.fromMap(Map.of("bridge.gate.hard-kill-types", "")).hardKillTypes());
    }

    @Test
    void errorsNameTheKey() {
        assertError(Map.of("bridge.gate.auto-push-threshold", "high"), "bridge.gate.auto-push-threshold: 'high' is not a number");
        assertError(Map.of("bridge.gate.strict", "yes"), "bridge.gate.strict: 'yes' is not true or false");
        assertError(Map.of("bridge.gate.review-threshold", "1.5"), "bridge.gate.review-threshold must be between 0.0 and 1.0, was 1.5");
        assertError(Map.of("bridge.gate.review-threshold", "0.8"),
                "bridge.gate.review-threshold (0.8) must not be above bridge.gate.auto-push-threshold (0.7)");
        assertError(Map.of("bridge.gate.boost.two-sources", "0.9"), "bridge.gate.boost.two-sources must be between 1.0 and 10.0, was 0.9");
        assertError(Map.of("bridge.gate.boost.three-sources", "1.1"), "bridge.gate.boost.three-sources must be between 1.15 and 10.0, was 1.1");
        assertError(Map.of("bridge.gate.boost.types.max", "1.1"), "bridge.gate.boost.types.max must be between 1.2 and 10.0, was 1.1");
        assertError(Map.of("bridge.gate.boost.types.min", "NaN"), "bridge.gate.boost.types.min must be between 1.0 and 10.0, was NaN");
    }

    private static void assertError(Map<String, String> properties, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GateSettings.fromMap(properties));
        assertEquals(message, e.getMessage());
    }
}
