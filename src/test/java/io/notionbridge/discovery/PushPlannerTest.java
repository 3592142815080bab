package io.notionbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class PushPlannerTest {

    static Prospect prospect(String key, double score, GateDecision decision) {
        return new Prospect(key, "strong", key, List.of(new StoredSignal(1, key, "strong", "a", "b", key, score,
                Instant.parse("2026-07-01T00:00:00Z"), null, null, "pending", 1)), JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.objectNode(), new GateResult(decision, score, List.of("r"), List.of("b"), List.of("a")));
    }

    @Test
    void highestScoreFirstTiesByKey() {
        PushPlanner.Plan plan = PushPlanner.plan(List.of(prospect("domain:c.io", 0.5, GateDecision.NEEDS_REVIEW),
                prospect("domain:b.io", 0.9, GateDecision.AUTO_PUSH), prospect("domain:a.io", 0.9, GateDecision.REJECT),
                prospect("domain:d.io", 0.1, GateDecision.HOLD)), null);
        assertThat(plan.prospects()).extracting(Prospect::canonicalKey)
                .containsExactly("domain:a.io", "domain:b.io", "domain:c.io", "domain:d.io");
        assertThat(plan.deferred()).isZero();
    }

    @Test
    void aLimitKeepsTheTopAndDefersTheRest() {
        PushPlanner.Plan plan = PushPlanner.plan(List.of(prospect("domain:c.io", 0.5, GateDecision.NEEDS_REVIEW),
                prospect("domain:b.io", 0.9, GateDecision.AUTO_PUSH), prospect("domain:d.io", 0.1, GateDecision.HOLD)), 2);
        assertThat(plan.prospects()).extracting(Prospect::canonicalKey).containsExactly("domain:b.io", "domain:c.io");
        assertThat(plan.deferred()).isEqualTo(1);
        assertThat(PushPlanner.plan(List.of(), 5).prospects()).isEmpty();
    }
}
