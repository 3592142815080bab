package io.notionbridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked examples of docs/scoring.md, the boundaries, strict mode, the cap and hard kills. */
class VerificationGateTest {

    private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");
    private final VerificationGate gate = new VerificationGate();

    @Test
    void exampleOneStrongSignalFromOneSource() {
        GateResult r = gate.evaluate(List.of(s("github_star_spike", "github", 0.9)));
        assertEquals(GateDecision.AUTO_PUSH, r.decision());
        assertEquals(0.9, r.score());
        assertEquals(List.of(
                "base 0.9: highest confidence per source (github 0.9)",
                "1 source (github): x1.0",
                "1 signal type (github_star_spike): x1.0",
                "score 0.9",
                "score >= auto-push threshold 0.7: AUTO_PUSH"), r.reasons());
    }

    @Test
    void exampleTwoSourcesTwoTypes() {
        GateResult r = gate.evaluate(List.of(
                s("github_star_spike", "github", 0.6),
                s("github_star_spike", "github", 0.3),
                s("new_incorporation", "companies_house", 0.5)));
        assertEquals(GateDecision.AUTO_PUSH, r.decision());
        assertEquals(0.828, r.score());
        assertEquals(List.of("companies_house", "github"), r.sources());
        assertEquals(List.of("github_star_spike", "new_incorporation"), r.signalTypes());
        assertEquals(List.of(
                "base 0.6: highest confidence per source (companies_house 0.5, github 0.6)",
                "2 sources (companies_house, github): x1.15",
                "2 signal types (github_star_spike, new_incorporation): x1.2",
                "score 0.828",
                "score >= auto-push threshold 0.7: AUTO_PUSH"), r.reasons());
    }

    @Test
    void exampleThreeWeakSourcesCorroborateEachOther() {
        GateResult r = gate.evaluate(List.of(
                s("github_star_spike", "github", 0.5),
                s("new_incorporation", "companies_house", 0.5),
                s("funding_post", "news", 0.5)));
        assertEquals(0.8775, r.score());
        assertEquals(GateDecision.AUTO_PUSH, r.decision());
        assertTrue(r.reasons().contains("3 sources (companies_house, github, news): x1.3"), r.reasons().toString());
        assertTrue(r.reasons().contains("3 signal types (funding_post, github_star_spike, new_incorporation): x1.35"));
    }

    @Test
    void exampleReviewAndHold() {
        assertEquals(GateDecision.NEEDS_REVIEW, gate.evaluate(List.of(s("funding_post", "news", 0.45))).decision());
        GateResult twoWeak = gate.evaluate(List.of(s("funding_post", "news", 0.35), s("funding_post", "blog", 0.3)));
        assertEquals(0.4025, twoWeak.score());
        assertEquals(GateDecision.NEEDS_REVIEW, twoWeak.decision());
        GateResult hold = gate.evaluate(List.of(s("funding_post", "news", 0.3)));
        assertEquals(GateDecision.HOLD, hold.decision());
        assertEquals("score < review threshold 0.4: HOLD (wait for more signals)", last(hold));
    }

    @Test
    void theScoreIsCappedAtOne() {
        GateResult r = gate.evaluate(List.of(
                s("github_star_spike", "github", 0.9), s("new_incorporation", "companies_house", 0.8),
                s("funding_post", "news", 0.7), s("hiring_spike", "news", 0.6)));
        assertEquals(1.0, r.score());
        assertEquals(GateDecision.AUTO_PUSH, r.decision());
        assertTrue(r.reasons().contains("score 1.0 (capped at 1.0 from 1.755)"), r.reasons().toString());
    }

    @Test
    void aHardKillWinsOverAPerfectScore() {
        GateResult r = gate.evaluate(List.of(
                s("github_star_spike", "github", 0.9), s("new_incorporation", "companies_house", 0.8),
                s("funding_post", "news", 0.7), s("hiring_spike", "news", 0.6),
                s("Company_Dissolved", "companies_house", 0.2)));
        assertEquals(GateDecision.REJECT, r.decision());
        assertEquals(1.0, r.score());
        assertEquals("hard-kill signal company_dissolved from companies_house", r.reasons().get(0));
        assertEquals("REJECT: a hard-kill signal wins over any score", last(r));
        assertEquals(List.of("funding_post", "github_star_spike", "hiring_spike", "new_incorporation"), r.signalTypes(),
                "hard-kill signals do not count as evidence");
    }

    @Test
    void onlyHardKillSignalsRejectWithScoreZero() {
        GateResult r = gate.evaluate(List.of(s("company_dissolved", "companies_house", 1.0)));
        assertEquals(GateDecision.REJECT, r.decision());
        assertEquals(0.0, r.score());
        assertEquals(List.of(), r.sources());
    }

    @Test
    void noSignalsIsHoldWithScoreZero() {
        for (List<SignalEvidence> none : java.util.Arrays.asList(List.<SignalEvidence>of(), null)) {
            GateResult r = gate.evaluate(none);
            assertEquals(GateDecision.HOLD, r.decision());
            assertEquals(0.0, r.score());
            assertEquals("no signals yet", r.reasons().get(0));
        }
    }

    @ParameterizedTest
    @CsvSource({"0.7, AUTO_PUSH", "0.6999, NEEDS_REVIEW", "0.4, NEEDS_REVIEW", "0.3999, HOLD", "1.0, AUTO_PUSH", "0.0, HOLD"})
    void thresholdsAreInclusive(double confidence, GateDecision expected) {
        assertEquals(expected, gate.evaluate(List.of(s("funding_post", "news", confidence))).decision());
    }

    @Test
    void aComputedScoreOnTheThresholdIsNotLostToFloatingPointNoise() {
        assertEquals(0.22999999999999998, 0.2 * 1.15, 0.0, "the noise this test is about");
        VerificationGate g = new VerificationGate(GateSettings.fromMap(Map.of(GateSettings.REVIEW_THRESHOLD, "0.23")));
        GateResult r = g.evaluate(List.of(s("funding_post", "news", 0.2), s("funding_post", "blog", 0.1)));
        assertEquals(0.23, r.score(), 0.0, "the score is rounded to 4 decimals before it is compared");
        assertEquals(GateDecision.NEEDS_REVIEW, r.decision());
    }

    @Test
    void strictModeNeedsTwoSourcesForAutoPush() {
        VerificationGate strict = new VerificationGate(GateSettings.fromMap(Map.of(GateSettings.STRICT, "true")));
        GateResult one = strict.evaluate(List.of(s("github_star_spike", "github", 0.95), s("repo_created", "github", 0.9)));
        assertEquals(GateDecision.NEEDS_REVIEW, one.decision());
        assertEquals("strict mode: AUTO_PUSH needs 2 or more sources, have 1: NEEDS_REVIEW", last(one));
        GateResult two = strict.evaluate(List.of(s("github_star_spike", "github", 0.95), s("funding_post", "news", 0.2)));
        assertEquals(GateDecision.AUTO_PUSH, two.decision());
        assertEquals(GateDecision.HOLD, strict.evaluate(List.of(s("funding_post", "news", 0.1))).decision(),
                "strict mode changes nothing below the auto-push threshold");
    }

    @Test
    void moreEvidenceNeverLowersTheScore() {
        List<SignalEvidence> pool = List.of(
                s("funding_post", "news", 0.4), s("funding_post", "news", 0.1), s("github_star_spike", "github", 0.2),
                s("new_incorporation", "companies_house", 0.05), s("hiring_spike", "jobs", 0.3), s("repo_created", "github", 0.6));
        List<SignalEvidence> seen = new ArrayList<>();
        double previous = 0.0;
        for (SignalEvidence next : pool) {
            seen.add(next);
            double score = gate.evaluate(seen).score();
            assertTrue(score >= previous, "adding " + next + " lowered the score from " + previous + " to " + score);
            previous = score;
        }
    }

    @Test
    void oneSourceRepeatingItselfDoesNotRaiseTheScore() {
        double once = gate.evaluate(List.of(s("funding_post", "news", 0.5))).score();
        double thrice = gate.evaluate(List.of(s("funding_post", "news", 0.5), s("funding_post", "news", 0.5),
                s("funding_post", "news", 0.45))).score();
        assertEquals(once, thrice);
    }

    @Test
    void evidenceIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> s("funding_post", "news", 1.01));
        assertThrows(IllegalArgumentException.class, () -> s("funding_post", "news", -0.1));
        assertThrows(IllegalArgumentException.class, () -> s("funding_post", "news", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s(" ", "news", 0.5));
        assertThrows(NullPointerException.class, () -> new SignalEvidence("a", "b", 0.5, null));
        assertEquals("funding_post", s(" Funding_Post ", "News", 0.5).signalType());
    }

    private static SignalEvidence s(String type, String source, double confidence) {
        return new SignalEvidence(type, source, confidence, T);
    }

    private static String last(GateResult r) {
        return r.reasons().get(r.reasons().size() - 1);
    }
}
