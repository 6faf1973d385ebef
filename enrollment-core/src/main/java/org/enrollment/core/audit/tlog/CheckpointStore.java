package org.enrollment.core.audit.tlog;

import java.util.List;
import java.util.Optional;

/**
 * Where a log keeps the checkpoints signed of it (检查点存档): in memory ({@link Checkpoints}) or in the store's
 * database beside the entries. Safe for concurrent use.
 */
public interface CheckpointStore {

    /**
     * Keeps a signed checkpoint; one of a size already kept is not kept twice.
     *
     * @throws IllegalArgumentException when the store refuses it (one of another origin, or smaller than the last)
     */
    void add(SignedNote checkpoint);

    /** The checkpoint of the largest tree, if any. */
    Optional<SignedNote> latest();

    /** Every checkpoint kept, smallest tree first. */
    List<SignedNote> all();

    /** The checkpoints as text, smallest tree first: the signed notes one after the other, as {@link Checkpoints#parse} reads them. */
    default String text() {
        StringBuilder out = new StringBuilder();
        all().forEach(n -> out.append(n.text()));
        return out.toString();
    }
}
