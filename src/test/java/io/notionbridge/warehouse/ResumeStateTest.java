package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The checkpoint written after every page of results reads back as written; unreadable text starts over. */
class ResumeStateTest {

    @Test
    void roundTrips() {
        ResumeState s = new ResumeState("incremental", "db", Instant.parse("2026-07-04T10:15:20Z"),
                Instant.parse("2026-07-04T10:14:00Z"), 1, ResumeState.TRASH, Instant.parse("2026-07-04T10:14:00Z"),
                "s:abc", Instant.parse("2026-07-04T10:15:00Z"), 300);
        assertThat(ResumeState.fromJson(s.toJson())).isEqualTo(s);
        ResumeState first = new ResumeState("full", "db", Instant.parse("2026-07-04T10:15:20Z"), null, 0,
                ResumeState.PAGES, null, null, null, 0);
        assertThat(ResumeState.fromJson(first.toJson())).isEqualTo(first);
    }

    @Test
    void nothingOrGarbageMeansStartOver() {
        assertThat(ResumeState.fromJson(null)).isNull();
        assertThat(ResumeState.fromJson(" ")).isNull();
        assertThat(ResumeState.fromJson("{not json")).isNull();
        assertThat(ResumeState.fromJson("{\"run_start\":\"yesterday\"}")).isNull();
    }
}
