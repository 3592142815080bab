package io.notionbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NotionTrafficPauseTest {

    /** A clock that only moves when the pause "sleeps". */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final NotionTrafficPause pause = new NotionTrafficPause(clock, d -> {
        sleeps.add(d);
        clock.now = clock.now.plus(d);
    });

    @Test
    void noPauseMeansNoWait() throws Exception {
        pause.awaitClear();
        assertThat(sleeps).isEmpty();
        assertThat(pause.isPaused()).isFalse();
    }

    @Test
    void waitsOutAPauseLongerThanAMinute() throws Exception {
        pause.pauseFor(Duration.ofSeconds(120), "429 rate_limited");
        assertThat(pause.isPaused()).isTrue();
        pause.awaitClear();
        assertThat(sleeps.stream().mapToLong(Duration::toMillis).sum()).isEqualTo(120_000);
        assertThat(clock.now).isEqualTo(Instant.parse("2026-11-23T10:02:00Z"));
        assertThat(pause.isPaused()).isFalse();
        assertThat(pause.waitedMillis()).isEqualTo(120_000);
    }

    @Test
    void aShorterPauseDoesNotCutALongerOneShort() throws Exception {
        pause.pauseFor(Duration.ofSeconds(90), "first");
        pause.pauseFor(Duration.ofSeconds(5), "second");
        assertThat(pause.pausedUntil()).isEqualTo(Instant.parse("2026-11-23T10:01:30Z"));
        assertThat(pause.pauses()).isEqualTo(1);
        pause.pauseFor(Duration.ofSeconds(100), "third");
        assertThat(pause.pausedUntil()).isEqualTo(Instant.parse("2026-11-23T10:01:40Z"));
        assertThat(pause.pauses()).isEqualTo(2);
    }

    @Test
    void everyCallerWaitsForTheSamePause() throws Exception {
        pause.pauseFor(Duration.ofSeconds(3), "529 service_overload");
        pause.awaitClear();
        long afterFirst = sleeps.size();
        pause.awaitClear();
        assertThat(sleeps).hasSize((int) afterFirst);
        assertThat(afterFirst).isEqualTo(3);
    }

    @Test
    void theTallyCountsPausedTimeOnceWhenPausesOverlapOrAreExtended() throws Exception {
        NotionTrafficPause.Tally start = pause.tally();
        assertThat(start).isEqualTo(new NotionTrafficPause.Tally(0, 0));

        pause.pauseFor(Duration.ofSeconds(90), "first");
        clock.now = clock.now.plusSeconds(30);
        assertThat(pause.tally().pausedMillis()).as("only the part that has passed").isEqualTo(30_000);
        pause.pauseFor(Duration.ofSeconds(70), "extends it to 100 s in all");
        pause.awaitClear();
        clock.now = clock.now.plusSeconds(50);
        assertThat(pause.tally()).isEqualTo(new NotionTrafficPause.Tally(2, 100_000));

        NotionTrafficPause.Tally before = pause.tally();
        pause.pauseFor(Duration.ofSeconds(120), "429 rate_limited");
        pause.awaitClear();
        assertThat(pause.tally().since(before)).isEqualTo(new NotionTrafficPause.Tally(1, 120_000));
        assertThat(pause.tally().since(start)).isEqualTo(new NotionTrafficPause.Tally(3, 220_000));
        assertThat(pause.recentPauses()).as("an extended pause is one window").containsExactly(
                new NotionTrafficPause.Window(Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T10:01:40Z")),
                new NotionTrafficPause.Window(Instant.parse("2026-11-23T10:02:30Z"), Instant.parse("2026-11-23T10:04:30Z")));
    }
}
