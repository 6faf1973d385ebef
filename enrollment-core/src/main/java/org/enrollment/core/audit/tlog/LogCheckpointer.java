package org.enrollment.core.audit.tlog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The log's signer (日志签名者): signs checkpoints of the tree an audit trail keeps ({@link
 * org.enrollment.core.audit.AuditTrail#tree()}), with the log's key, on demand and as the {@link CheckpointSchedule}
 * says, and keeps them in the trail's {@link CheckpointStore}. Leaf <i>i</i> is entry <i>i</i>'s export line, so
 * an export checks against its checkpoints. The registry tells it of each append ({@link #appended}), after the
 * store's commit: that costs a comparison, and the signing happens only when one is due. Safe for many threads.
 */
public final class LogCheckpointer {

    private final LogTree tree;
    private final SigningKey key;
    private final CheckpointSchedule schedule;
    private final Clock clock;
    private final CheckpointStore kept;
    private volatile long nextDue;
    private volatile Instant lastSigned;

    /**
     * A signer of the tree's checkpoints.
     *
     * @param tree the audit log's tree
     * @param key the log's key; its name is the origin
     * @param schedule when to sign without being asked
     * @param clock the time the schedule reads
     * @param kept where the checkpoints go (may hold earlier ones of this log)
     */
    public LogCheckpointer(LogTree tree, SigningKey key, CheckpointSchedule schedule, Clock clock, CheckpointStore kept) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.key = Objects.requireNonNull(key, "key");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.kept = Objects.requireNonNull(kept, "kept");
        this.lastSigned = clock.instant();
        this.nextDue = schedule.everyEntries() == 0 ? Long.MAX_VALUE : 0;
    }

    /** Told that the log has at least {@code size} entries: signs what is due, if anything (see {@link #update()}). */
    public void appended(long size) {
        if (size >= nextDue || timeUp()) {
            update();
        }
    }

    private boolean timeUp() {
        return !schedule.every().isZero() && !clock.instant().isBefore(lastSigned.plus(schedule.every()));
    }

    /**
     * Signs the checkpoints that are due: one at each multiple of the schedule's size past the last kept, and one of
     * the whole tree when the schedule's time has passed and the tree has grown.
     *
     * @return the checkpoints signed now, smallest first
     */
    public synchronized List<SignedNote> update() {
        List<SignedNote> signed = new ArrayList<>();
        long size = tree.size();
        long upTo = latestSize();
        long every = schedule.everyEntries();
        if (every > 0) {
            for (long m = (Math.max(upTo, 0) / every + 1) * every; m <= size; m += every) {
                signed.add(sign(m));
                upTo = m;
            }
            nextDue = (size / every + 1) * every;
        }
        if (timeUp() && size > upTo) {
            signed.add(sign(size));
        }
        return signed;
    }

    /** Signs a checkpoint of the whole tree now (or gives the kept one of this size). */
    public synchronized SignedNote checkpoint() {
        long size = tree.size();
        return kept.latest().filter(n -> Checkpoint.of(n).size() == size).orElseGet(() -> sign(size));
    }

    /**
     * Checks the kept checkpoints against the tree: each one the tree has reached must have the tree's root at
     * its size, or the log was rewritten after it was signed.
     */
    public LogCheck check() {
        long size = tree.size();
        for (SignedNote note : kept.all()) {
            Checkpoint cp = Checkpoint.of(note);
            if (cp.size() > size) {
                return LogCheck.fails("The trail has " + size + " entries, fewer than the " + cp.size()
                        + " of a signed checkpoint: entries from " + size + " on are missing.");
            }
            if (!tree.root(cp.size()).equals(cp.root())) {
                return LogCheck.fails("The trail's first " + cp.size() + " entries do not make the root of the checkpoint "
                        + "signed for them: an entry among them was changed, added or removed.");
            }
        }
        return LogCheck.ok();
    }

    /** The checkpoints kept. */
    public CheckpointStore checkpoints() {
        return kept;
    }

    private long latestSize() {
        return kept.latest().map(n -> Checkpoint.of(n).size()).orElse(-1L);
    }

    private SignedNote sign(long size) {
        SignedNote note = Checkpoint.of(key.name(), tree, size).signedBy(key);
        kept.add(note);
        lastSigned = clock.instant();
        return note;
    }
}
