package org.enrollment.examples.scenario;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock that shows the time it was last set to: a scenario sets it to each line's {@code at}. */
public final class SettableClock extends Clock {

    private volatile Instant now;

    /** A clock showing {@code start}. */
    public SettableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Sets the time it shows. */
    public void set(Instant value) {
        this.now = Objects.requireNonNull(value, "value");
    }

    @Override
    public Instant instant() {
        return now;
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
