package org.enrollment.core.audit;

import java.util.Objects;

/**
 * The sealed state of an audit record (封存的写入状态): what an accepted command wrote ({@link WrittenState}), sealed by
 * a {@link StateSeal} when the entry's body is first built, not before. A trail that never builds bodies (a replay
 * that compares decisions only) never pays for the cipher; a trail that does gets the same sealed text every time
 * it asks, from whichever thread: the state is sealed once, under a lock, and the plain state let go.
 */
public final class SealedState {

    /** No state: a refused command, or one that wrote nothing. */
    public static final SealedState NONE = new SealedState(null, null, "");

    private StateSeal seal;
    private WrittenState written;
    private String text;

    private SealedState(StateSeal seal, WrittenState written, String text) {
        this.seal = seal;
        this.written = written;
        this.text = text;
    }

    /** The state to be sealed by {@code seal} when it is first read. */
    static SealedState of(StateSeal seal, WrittenState written) {
        return new SealedState(Objects.requireNonNull(seal, "seal"), Objects.requireNonNull(written, "written"), null);
    }

    /** The sealed text (base64, see {@link StateSeal#seal}), sealed now if it was not yet; empty for {@link #NONE}. */
    public synchronized String text() {
        if (text == null) {
            text = seal.seal(written);
            seal = null;
            written = null;
        }
        return text;
    }

    /** Whether it has been sealed yet (always, for {@link #NONE}). */
    public synchronized boolean isSealed() {
        return text != null;
    }

    /** Says whether it is sealed, never what it holds. */
    @Override
    public String toString() {
        return isSealed() ? "SealedState[sealed]" : "SealedState[not sealed yet]";
    }
}
