package org.enrollment.core.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditTrail;

/**
 * The log's signer (日志签名者): keeps the Merkle tree of an audit trail, reading the entries appended since it
 * last looked, and signs checkpoints with the log's key, on demand and as the {@link CheckpointSchedule} says;
 * keeps them in {@link Checkpoints}. Leaf <i>i</i> is entry <i>i</i>'s export line, so an export checks against its
 * checkpoints. The host calls {@link #update()} after commands or on a timer; one signer per trail.
 */
public final class LogCheckpointer {

    private static final int PAGE = 10_000;

    private final AuditTrail trail;
    private final SigningKey key;
    private final CheckpointSchedule schedule;
    private final Clock clock;
    private final Checkpoints kept;
    private final MerkleTree tree = new MerkleTree();
    private Instant lastSigned;

    /**
     * A signer of the trail's checkpoints.
     *
     * @param trail the audit log
     * @param key the log's key; its name is the origin
     * @param schedule when to sign without being asked
     * @param clock the time the schedule reads
     * @param kept where the checkpoints go (may hold earlier ones of this log)
     */
    public LogCheckpointer(AuditTrail trail, SigningKey key, CheckpointSchedule schedule, Clock clock, Checkpoints kept) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.key = Objects.requireNonNull(key, "key");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.kept = Objects.requireNonNull(kept, "kept");
        this.lastSigned = clock.instant();
    }

    /**
     * Reads the new entries into the tree and signs the checkpoints that are due: one at each multiple of the
     * schedule's size, and one of the whole tree when the schedule's time has passed.
     *
     * @return the checkpoints signed now, oldest first
     */
    public synchronized List<SignedNote> update() {
        List<SignedNote> signed = new ArrayList<>();
        long size = trail.head().count();
        for (long from = tree.size(); from < size; from += PAGE) {
            for (AuditEntry e : trail.entries(from, Math.min(size, from + PAGE))) {
                byte[] line = e.line().getBytes(StandardCharsets.UTF_8);
                tree.appendEntry(line, 0, line.length);
                if (schedule.everyEntries() > 0 && tree.size() % schedule.everyEntries() == 0 && tree.size() > latestSize()) {
                    signed.add(sign(tree.size()));
                }
            }
        }
        boolean timeUp = !schedule.every().isZero() && !clock.instant().isBefore(lastSigned.plus(schedule.every()));
        if (timeUp && tree.size() > latestSize()) {
            signed.add(sign(tree.size()));
        }
        return signed;
    }

    /** Reads the new entries and signs a checkpoint of the whole tree now. */
    public synchronized SignedNote checkpoint() {
        update();
        return tree.size() == latestSize() && kept.latest().isPresent() ? kept.latest().get() : sign(tree.size());
    }

    /**
     * Checks the kept checkpoints against the trail: each one the tree has reached must have the tree's root at
     * its size, or the trail was rewritten after it was signed.
     */
    public synchronized LogCheck check() {
        update();
        for (SignedNote note : kept.all()) {
            Checkpoint cp = Checkpoint.of(note);
            if (cp.size() > tree.size()) {
                return LogCheck.fails("The trail has " + tree.size() + " entries, fewer than the " + cp.size()
                        + " of a signed checkpoint: entries from " + tree.size() + " on are missing.");
            }
            if (!tree.root(cp.size()).equals(cp.root())) {
                return LogCheck.fails("The trail's first " + cp.size() + " entries do not make the root of the checkpoint "
                        + "signed for them: an entry among them was changed, added or removed.");
            }
        }
        return LogCheck.ok();
    }

    /** The tree as far as it has read: for inclusion and consistency proofs of the checkpoints. */
    public MerkleTree tree() {
        return tree;
    }

    /** The checkpoints kept. */
    public Checkpoints checkpoints() {
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
