package io.notionbridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's notion of "now": page and database timestamps come from it. It follows a base clock (the system
 * clock by default) shifted by an offset, or stands still when frozen. Tests set, advance and freeze it, e.g. to edit
 * a page twice within one sandbox minute.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicReference<State> state;

    private record State(Duration offset, Instant frozenAt) {
    }

    public SandboxClock(Clock base) {
        this.base = base;
        this.state = new AtomicReference<>(new State(Duration.ZERO, null));
    }

    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC());
    }

    @Override
    public Instant instant() {
        State s = state.get();
        return s.frozenAt() != null ? s.frozenAt() : base.instant().plus(s.offset());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    /** Jumps to {@code at}; a frozen clock stays frozen there, a running one runs on from there. */
    public void set(Instant at) {
        state.updateAndGet(s -> s.frozenAt() != null ? new State(s.offset(), at)
                : new State(Duration.between(base.instant(), at), null));
    }

    /** Moves the clock forward (or back, with a negative amount). */
    public void advance(Duration amount) {
        state.updateAndGet(s -> s.frozenAt() != null ? new State(s.offset(), s.frozenAt().plus(amount))
                : new State(s.offset().plus(amount), null));
    }

    /** Stops the clock at its current instant. */
    public void freeze() {
        state.updateAndGet(s -> s.frozenAt() != null ? s : new State(s.offset(), base.instant().plus(s.offset())));
    }

    /** Stops the clock at {@code at}. */
    public void freezeAt(Instant at) {
        state.set(new State(Duration.ZERO, at));
    }

    /** Lets a frozen clock run again from where it stands. */
    public void unfreeze() {
        state.updateAndGet(s -> s.frozenAt() == null ? s : new State(Duration.between(base.instant(), s.frozenAt()), null));
    }

    /** Back to the base clock, running. */
    public void reset() {
        state.set(new State(Duration.ZERO, null));
    }

    public boolean frozen() {
        return state.get().frozenAt() != null;
    }
}
