package org.enrollment.core.audit.tlog;

import java.time.Duration;
import java.util.Objects;

/**
 * When the log signs a checkpoint by itself (检查点计划): every {@code everyEntries} entries, and when
 * {@code every} has passed since the last one and the log has grown; either may be off. Checkpoints on demand
 * are always possible.
 *
 * @param everyEntries a checkpoint at each multiple of this size, or 0 for none
 * @param every a checkpoint when this much time has passed and there are new entries, or {@link Duration#ZERO} for none
 */
public record CheckpointSchedule(long everyEntries, Duration every) {

    /** A schedule of sizes and times not negative. */
    public CheckpointSchedule {
        Objects.requireNonNull(every, "every");
        if (everyEntries < 0 || every.isNegative()) {
            throw new IllegalArgumentException("A checkpoint schedule counts entries and time from 0 up, was "
                    + everyEntries + " entries, " + every + ".");
        }
    }

    /** Checkpoints on demand only. */
    public static CheckpointSchedule onDemand() {
        return new CheckpointSchedule(0, Duration.ZERO);
    }

    /** A checkpoint every so many entries. */
    public static CheckpointSchedule everyEntries(long n) {
        return new CheckpointSchedule(n, Duration.ZERO);
    }

    /** This schedule, also signing when this much time has passed with new entries. */
    public CheckpointSchedule andEvery(Duration time) {
        return new CheckpointSchedule(everyEntries, time);
    }
}
