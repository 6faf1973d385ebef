package org.enrollment.core.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * When an append to a {@link FileAuditTrail} counts as done: its line forced to the disk (fsync) before the
 * append returns, by itself or in a group commit that shares one force among the appends waiting for it.
 * Durable by default: {@link #always()}.
 */
public final class Durability {

    private static final Durability ALWAYS = new Durability(Duration.ZERO, true);
    private static final Durability OS_BUFFERED = new Durability(Duration.ZERO, false);

    private final Duration bound;
    private final boolean forced;

    private Durability(Duration bound, boolean forced) {
        this.bound = bound;
        this.forced = forced;
    }

    /**
     * Each append is written to the operating system before it returns, but not forced to the disk: it survives
     * the process being killed ({@code kill -9}), not a power loss or a crash of the machine. For simulations and
     * tests of a long season, where a force per command would be most of the time; never for a real season.
     */
    public static Durability osBuffered() {
        return OS_BUFFERED;
    }

    /** Every append is forced before it returns; appends that wait while a force runs share the next one. */
    public static Durability always() {
        return ALWAYS;
    }

    /**
     * Group commit: an append waits at most {@code bound} for others to join it, then one force makes all of
     * them durable; each still returns only after its line is on the disk. For many threads appending at
     * once; a single thread only waits longer.
     *
     * @param bound how long an append may wait for company, 0 to 1 second
     */
    public static Durability within(Duration bound) {
        Objects.requireNonNull(bound, "bound");
        if (bound.isNegative() || bound.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("A group commit bound must be 0 to 1 second, was " + bound + ".");
        }
        return bound.isZero() ? ALWAYS : new Durability(bound, true);
    }

    /** Whether an append is forced to the disk before it returns. */
    public boolean forced() {
        return forced;
    }

    /** How long an append may wait for others before the force. */
    public Duration bound() {
        return bound;
    }

    @Override
    public String toString() {
        return !forced ? "Durability[os buffered]" : bound.isZero() ? "Durability[always]" : "Durability[within " + bound + "]";
    }
}
