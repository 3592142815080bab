package io.notionbridge.warehouse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * "Now" for the warehouse sync: the watermark must follow the clock that stamps Notion's {@code last_edited_time}.
 * Against real Notion (or a sandbox in another process) that is the system clock, kept honest by the consistency
 * buffer. Against the embedded sandbox it is the sandbox's own clock, which tests freeze and advance; this clock asks
 * for it on every call, since the sandbox may start after the warehouse beans are bound.
 */
public final class WarehouseClock extends Clock {

    private final Supplier<Clock> notionClock;

    /** @param notionClock the sandbox's clock when one runs in this process, else null */
    public WarehouseClock(Supplier<Clock> notionClock) {
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
