package org.enrollment.core.audit.tlog;

import java.util.Objects;

/**
 * A checkpoint (C2SP tlog-checkpoint, 检查点): the log's origin, the tree size and the root hash, the body of a
 * note the log signs. Extension lines after the third are allowed and not read.
 *
 * @param origin the log's name, which is also its key's name
 * @param size how many entries the tree has
 * @param root the tree's root hash
 */
public record Checkpoint(String origin, long size, Hash root) {

    /** A checkpoint of a named log. */
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("A checkpoint's origin is one non-empty line.");
        }
        if (size < 0) {
            throw new IllegalArgumentException("A tree size is not negative, was " + size + ".");
        }
    }

    /** The checkpoint of this tree's first {@code size} entries. */
    public static Checkpoint of(String origin, LogTree tree, long size) {
        return new Checkpoint(origin, size, tree.root(size));
    }

    /**
     * Reads the checkpoint of a note's body.
     *
     * @throws IllegalArgumentException naming the line that is not as tlog-checkpoint says
     */
    public static Checkpoint parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4) {
            throw new IllegalArgumentException("A checkpoint has an origin line, a size line and a root line.");
        }
        String size = lines[1];
        if (!size.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("The size line of a checkpoint is a decimal without leading zeros, was '"
                    + (size.length() > 20 ? size.substring(0, 20) + "…" : size) + "'.");
        }
        return new Checkpoint(lines[0], Long.parseLong(size), Hash.ofBase64(lines[2]));
    }

    /** Reads the checkpoint a signed note carries. */
    public static Checkpoint of(SignedNote note) {
        return parse(note.body());
    }

    /** The note body: origin, size and base64 root, each on its line. */
    public String body() {
        return origin + "\n" + size + "\n" + root.base64() + "\n";
    }

    /**
     * The checkpoint signed by the log's key.
     *
     * @throws IllegalArgumentException when the key is not named after the origin
     */
    public SignedNote signedBy(SigningKey logKey) {
        if (!logKey.name().equals(origin)) {
            throw new IllegalArgumentException("The key '" + logKey.name() + "' is not the key of the log '" + origin + "'.");
        }
        return SignedNote.unsigned(body()).signedBy(logKey);
    }
}
