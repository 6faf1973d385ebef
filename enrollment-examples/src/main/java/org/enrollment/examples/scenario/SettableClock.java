package org.enrollment.examples.scenario;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that shows, on each thread, the time it was last set to on that thread (the start before that): a
 * scenario sets it to each line's {@code at}, and several threads playing lines at once each see their own line's.
 */
public final class SettableClock extends Clock {

    private final ThreadLocal<Instant> now;

    /** A clock showing {@code start} on every thread until set there. */
    public SettableClock(Instant start) {
        Objects.requireNonNull(start, "start");
        this.now = ThreadLocal.withInitial(() -> start);
    }

    /** Sets the time it shows on this thread. */
    public void set(Instant value) {
        now.set(Objects.requireNonNull(value, "value"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("A scenario clock has no other zone.");
    }
}
