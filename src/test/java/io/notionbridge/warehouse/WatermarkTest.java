package io.notionbridge.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The incremental rule: inclusive minute bound, ascending edits, and a watermark that only covers passed minutes. */
class WatermarkTest {

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void theWatermarkStopsAtTheMinuteInProgress() {
        assertThat(Watermark.next(null, t("2026-07-04T10:15:20Z"), Duration.ZERO)).isEqualTo(t("2026-07-04T10:15:00Z"));
        assertThat(Watermark.next(null, t("2026-07-04T10:15:59.999Z"), Duration.ZERO)).isEqualTo(t("2026-07-04T10:15:00Z"));
    }

    @Test
    void theBufferKeepsItFurtherBack() {
        assertThat(Watermark.next(null, t("2026-07-04T10:15:20Z"), Duration.ofSeconds(60))).isEqualTo(t("2026-07-04T10:14:00Z"));
        assertThat(Watermark.next(null, t("2026-07-04T10:15:20Z"), Duration.ofSeconds(15))).isEqualTo(t("2026-07-04T10:15:00Z"));
        assertThat(Watermark.next(null, t("2026-07-04T10:15:20Z"), Duration.ofSeconds(21))).isEqualTo(t("2026-07-04T10:14:00Z"));
    }

    @Test
    void itNeverMovesBack() {
        Instant previous = t("2026-07-04T10:20:00Z");
        assertThat(Watermark.next(previous, t("2026-07-04T10:15:20Z"), Duration.ZERO)).isEqualTo(previous);
    }

    @Test
    void anEditLaterInTheSameMinuteIsStillAskedFor() {
        // run 1 at 10:15:20 sets W=10:15; an edit at 10:15:40 is stamped 10:15, which on_or_after 10:15 includes
        Instant w = Watermark.next(null, t("2026-07-04T10:15:20Z"), Duration.ZERO);
        Instant secondEditStamp = Watermark.minute(t("2026-07-04T10:15:40Z"));
        assertThat(secondEditStamp).isAfterOrEqualTo(w);
    }

    @Test
    void queriesAreInclusiveAndAscending() {
        ObjectNode q = Watermark.incrementalQuery(t("2026-07-04T10:15:00Z"), false);
        assertThat(q.toString()).isEqualTo("{\"filter\":{\"timestamp\":\"last_edited_time\",\"last_edited_time\":"
                + "{\"on_or_after\":\"2026-07-04T10:15:00Z\"}},\"sorts\":[{\"timestamp\":\"last_edited_time\","
                + "\"direction\":\"ascending\"}]}");
        assertThat(Watermark.incrementalQuery(null, true).toString()).isEqualTo("{\"sorts\":[{\"timestamp\":"
                + "\"last_edited_time\",\"direction\":\"ascending\"}],\"in_trash\":true}");
        assertThat(Watermark.fullQuery(false).toString())
                .isEqualTo("{\"sorts\":[{\"timestamp\":\"created_time\",\"direction\":\"ascending\"}]}");
    }
}
