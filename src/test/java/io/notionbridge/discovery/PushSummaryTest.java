package io.notionbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.store.JobRuns;
import org.junit.jupiter.api.Test;

class PushSummaryTest {

    private static ProspectOutcome o(String key, String decision, String action, String reason) {
        return new ProspectOutcome(key, "C", decision, 0.5, action, null, null, reason);
    }

    @Test
    void countsOutcomesAndListsErrors() {
        PushSummary s = PushSummary.of(false, Instant.parse("2026-07-01T00:00:00Z"), 1234, 3, List.of(
                o("domain:a.io", "AUTO_PUSH", "created", null), o("domain:b.io", "NEEDS_REVIEW", "updated", null),
                o("domain:c.io", "NEEDS_REVIEW", "created", null), o("domain:d.io", "HOLD", "held", "score < 0.4"),
                o("domain:e.io", "REJECT", "rejected", "hard kill"), o("domain:f.io", "AUTO_PUSH", "error", "boom")));
        assertThat(s.processed()).isEqualTo(6);
        assertThat(s.pushed()).isEqualTo(3);
        assertThat(s.pushedCreated()).isEqualTo(2);
        assertThat(s.pushedUpdated()).isEqualTo(1);
        assertThat(s.review()).isEqualTo(2);
        assertThat(s.held()).isEqualTo(1);
        assertThat(s.rejected()).isEqualTo(1);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.errorList()).containsExactly(new PushSummary.ErrorEntry("domain:f.io", "boom"));
        assertThat(s.logLine()).isEqualTo("Discovery push: processed=6 pushed=3 (created=2 updated=1 review=2) held=1 "
                + "rejected=1 errors=1 deferred=3 duration_ms=1234");
    }

    @Test
    void serialisesWithSnakeCaseNames() {
        PushSummary s = PushSummary.of(true, Instant.parse("2026-07-01T00:00:00Z"), 5, 0,
                List.of(o("domain:a.io", "AUTO_PUSH", "would_create", null)));
        JsonNode j = JobRuns.JSON.valueToTree(s);
        assertThat(j.get("dry_run").asBoolean()).isTrue();
        assertThat(j.get("pushed_created").asInt()).isEqualTo(1);
        assertThat(j.get("duration_ms").asLong()).isEqualTo(5);
        assertThat(j.get("started_at").asText()).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(j.get("outcomes").get(0).get("canonical_key").asText()).isEqualTo("domain:a.io");
        assertThat(j.get("outcomes").get(0).has("page_id")).as("nulls left out").isFalse();
        assertThat(s.logLine()).startsWith("Discovery push (dry run): processed=1 pushed=1");
    }
}
