package io.notionbridge.notion;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Notion's "now": the clock that stamps Notion's {@code last_edited_time}, which the warehouse watermarks follow (and
 * tests pace the gateway's pauses on).
 * Against real Notion (or a sandbox in another process) that is the system clock, kept honest by the consistency
 * buffer. Against the embedded sandbox it is the sandbox's own clock, which tests freeze and advance; this clock asks
 * for it on every call, since the sandbox may start after the warehouse beans are bound.
 */
public final class NotionClock extends Clock {

    private final Supplier<Clock> notionClock;

    /** @param notionClock the sandbox's clock when one runs in this process, else null */
    public NotionClock(Supplier<Clock> notionClock) {
        this.notionClock = notionClock;
    }

    private Clock current() {
        Clock c = notionClock.get();
        return c != null ? c : Clock.systemUTC();
    }

    @Override
    public Instant instant() {
        return current().instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
