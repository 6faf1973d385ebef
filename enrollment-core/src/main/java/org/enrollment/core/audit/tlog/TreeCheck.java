package org.enrollment.core.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditTrail;

/**
 * The checks of the tree a store keeps (树的核验), what {@code log check-store} runs: that it is the tree of the
 * store's entries, node for node, naming the first entry or node that differs; and that it makes the checkpoints
 * kept with it, signed by the log, the latest one extended by the tree as it is now.
 */
public final class TreeCheck {

    private static final int PAGE = 10_000;

    private TreeCheck() {
    }

    /** The tree of the trail's entries, made again from their export lines. */
    public static MerkleTree ofEntries(AuditTrail trail) {
        MerkleTree tree = new MerkleTree();
        long size = trail.head().count();
        for (long from = 0; from < size; from += PAGE) {
            for (AuditEntry e : trail.entries(from, Math.min(size, from + PAGE))) {
                byte[] line = e.line().getBytes(StandardCharsets.UTF_8);
                tree.appendEntry(line, 0, line.length);
            }
        }
        return tree;
    }

    /**
     * Checks a kept tree against the tree of the entries: the same size, and every node the same, leaves first, so
     * that the first entry whose leaf differs is the one named.
     */
    public static LogCheck against(LogTree kept, MerkleTree entries) {
        long n = entries.size();
        long size = kept.size();
        if (size < n) {
            return LogCheck.fails("The tree has " + size + " leaves but the log " + n + " entries: the leaves of entries "
                    + size + " to " + (n - 1) + " are missing (the tree was cut back).");
        }
        if (size > n) {
            return LogCheck.fails("The tree has " + size + " leaves but the log " + n + " entries: leaves " + n + " to "
                    + (size - 1) + " are of no entry (entries were removed, or leaves added).");
        }
        for (int level = 0; n >> level > 0; level++) {
            for (long from = 0; from < n >> level; from += PAGE) {
                long to = Math.min(n >> level, from + PAGE);
                List<Hash> stored = kept.nodes(level, from, to);
                for (long i = from; i < to; i++) {
                    Hash h = stored.get((int) (i - from));
                    if (h == null || !h.equals(entries.node(level, i))) {
                        return LogCheck.fails(nodeName(level, i) + (h == null ? " is missing from the tree" : level == 0
                                ? ": its leaf in the tree is not the hash of the entry (the leaf or the entry was changed)"
                                : " is not the hash of those entries in the tree (a row of the tree was changed)") + ".");
                    }
                }
            }
        }
        return LogCheck.ok();
    }

    private static String nodeName(int level, long index) {
        return level == 0 ? "Entry " + index : "Tree node " + index + " at level " + level + " (entries " + (index << level)
                + " to " + ((index + 1 << level) - 1) + ")";
    }

    /**
     * Checks the tree against the checkpoints kept with it: there is one, each is signed by the log's key for its
     * origin and has the tree's root at its size, and the tree as it is now extends the latest (a consistency proof
     * from the tree, checked against the checkpoint's root).
     */
    public static LogCheck checkpoints(LogTree tree, CheckpointStore kept, VerifierKey log) {
        List<SignedNote> all = kept.all();
        if (all.isEmpty()) {
            return LogCheck.fails("The store keeps no signed checkpoint of its log: there is nothing signed to check the tree against.");
        }
        long size = tree.size();
        for (SignedNote note : all) {
            Checkpoint cp = Checkpoint.of(note);
            if (!note.verifiedBy(log) || !cp.origin().equals(log.name())) {
                return LogCheck.fails("The checkpoint of " + cp.size() + " entries is not signed by the log key " + log.name() + ".");
            }
            if (cp.size() > size) {
                return LogCheck.fails("The tree has " + size + " leaves, fewer than the " + cp.size() + " of a signed checkpoint: "
                        + "entries from " + size + " on are missing (the log was cut back).");
            }
            if (!tree.root(cp.size()).equals(cp.root())) {
                return LogCheck.fails("The tree's first " + cp.size() + " leaves do not make the root of the checkpoint signed for "
                        + "them: an entry among them was changed, added or removed since it was signed.");
            }
        }
        Checkpoint latest = Checkpoint.of(all.get(all.size() - 1));
        if (!tree.consistencyProof(latest.size(), size).verify(latest.root(), tree.root(size))) {
            return LogCheck.fails("The tree of " + size + " entries does not extend the latest checkpoint of " + latest.size() + ".");
        }
        return LogCheck.ok();
    }
}
