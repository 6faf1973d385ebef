package org.enrollment.core.audit.tlog;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An offline proof that an entry is in the log (C2SP {@code tlog-proof@v1}, 日志证明, a {@code .tlog-proof} file):
 * the entry's index, its inclusion proof in the checkpointed tree, and the signed checkpoint with whatever
 * cosignatures it carries.
 *
 * @param index the entry's index, 0-based
 * @param path the inclusion proof's hashes, the leaf's sibling first
 * @param checkpoint the signed checkpoint the proof is for
 */
public record TlogProof(long index, List<Hash> path, SignedNote checkpoint) {

    /** The first line of every proof. */
    static final String HEADER = "c2sp.org/tlog-proof@v1";

    /** A proof's parts. */
    public TlogProof {
        if (index < 0) {
            throw new IllegalArgumentException("An entry's index is not negative, was " + index + ".");
        }
        path = List.copyOf(path);
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** The proof of this inclusion proof in this signed checkpoint's tree. */
    public static TlogProof of(InclusionProof inclusion, SignedNote checkpoint) {
        return new TlogProof(inclusion.index(), inclusion.path(), checkpoint);
    }

    /** The proof as text. */
    public String text() {
        StringBuilder out = new StringBuilder(HEADER).append('\n').append("index ").append(index).append('\n');
        path.forEach(h -> out.append(h.base64()).append('\n'));
        return out.append('\n').append(checkpoint.text()).toString();
    }

    /**
     * Reads a proof; any {@code extra} line is read past (it is not authenticated).
     *
     * @throws IllegalArgumentException saying which line is not as the format says
     */
    public static TlogProof parse(String text) {
        String[] lines = text.split("\n", -1);
        int at = 0;
        if (!lines[at++].equals(HEADER)) {
            throw new IllegalArgumentException("A tlog proof starts with the line " + HEADER + ".");
        }
        if (at < lines.length && lines[at].startsWith("extra ")) {
            Base64.getDecoder().decode(lines[at++].substring("extra ".length()));
        }
        if (at >= lines.length || !lines[at].matches("index (0|[1-9][0-9]{0,18})")) {
            throw new IllegalArgumentException("Line " + (at + 1) + " of the tlog proof is not 'index <decimal>'.");
        }
        long index = Long.parseLong(lines[at++].substring("index ".length()));
        List<Hash> path = new ArrayList<>();
        for (; at < lines.length && !lines[at].isEmpty(); at++) {
            try {
                path.add(Hash.ofBase64(lines[at]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Line " + (at + 1) + " of the tlog proof: " + e.getMessage(), e);
            }
        }
        if (at >= lines.length) {
            throw new IllegalArgumentException("The tlog proof has no checkpoint after its hashes.");
        }
        return new TlogProof(index, path, SignedNote.parse(String.join("\n", List.of(lines).subList(at + 1, lines.length))));
    }

    /**
     * Checks the proof for an entry (its line of the export, without the line end): signed by the log, cosigned
     * by the quorum, and the path leads from the entry to the checkpoint's root.
     */
    public LogCheck check(byte[] entry, VerifierKey log, CosignerQuorum quorum) {
        if (!checkpoint.verifiedBy(log)) {
            return LogCheck.fails("The checkpoint is not signed by the log key " + log.name() + ".");
        }
        Checkpoint cp = Checkpoint.of(checkpoint);
        if (!cp.origin().equals(log.name())) {
            return LogCheck.fails("The checkpoint is of the log '" + cp.origin() + "', not '" + log.name() + "'.");
        }
        LogCheck witnessed = quorum.check(checkpoint);
        if (!witnessed.holds()) {
            return witnessed;
        }
        if (index >= cp.size()) {
            return LogCheck.fails("Entry " + index + " is not in the checkpoint's tree of " + cp.size() + " entries.");
        }
        if (!new InclusionProof(index, cp.size(), path).verify(Hash.leaf(entry), cp.root())) {
            return LogCheck.fails("Entry " + index + " is not the entry the checkpoint of " + cp.size() + " entries holds there.");
        }
        return LogCheck.ok();
    }
}
