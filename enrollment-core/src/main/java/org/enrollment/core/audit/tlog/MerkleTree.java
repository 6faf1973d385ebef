package org.enrollment.core.audit.tlog;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * The RFC 6962 Merkle tree of the log (默克尔树) held in memory, kept as it grows: every complete subtree's hash is
 * kept, level by level, so that an append costs O(log n) hashes at worst (one on average), and the root of any
 * prefix, an inclusion proof (§2.1.1) or a consistency proof (§2.1.2) costs O(log n) reads ({@link LogTree}). Each
 * level is kept in chunks of {@value #CHUNK} hashes (1 MiB), so that a growing tree never copies a level; up to
 * 2<sup>40</sup> leaves. Safe for one writer and many readers.
 */
public final class MerkleTree implements LogTree {

    /** The most leaves a tree holds. */
    public static final long MAX_SIZE = 1L << 40;
    /** Hashes in a chunk of a level. */
    static final int CHUNK = 1 << 15;
    private static final int SHIFT = Integer.numberOfTrailingZeros(CHUNK);

    private final MessageDigest sha = Hash.sha256();
    private final byte[][][] levels = new byte[64][][];
    private long size;

    /** An empty tree. */
    public MerkleTree() {
    }

    /** A tree over these leaves, in order. */
    public static MerkleTree of(List<Hash> leaves) {
        MerkleTree tree = new MerkleTree();
        leaves.forEach(tree::append);
        return tree;
    }

    @Override
    public synchronized long size() {
        return size;
    }

    /** Appends the leaf of these entry bytes (a line of the export without its line end): SHA-256(0x00 ‖ line). */
    public synchronized void appendEntry(byte[] line, int from, int to) {
        checkRoom();
        sha.update((byte) 0);
        sha.update(line, from, to - from);
        digestInto(0, size);
        grow();
    }

    /** Appends a leaf for each line of {@code bytes[from, to)}, every line ending with a line end (not hashed). */
    public synchronized void appendLines(byte[] bytes, int from, int to) {
        for (int start = from, i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                appendEntry(bytes, start, i);
                start = i + 1;
            }
        }
    }

    /**
     * Appends a leaf hash.
     *
     * @throws IllegalStateException when the tree is full
     */
    public synchronized void append(Hash leaf) {
        checkRoom();
        leaf.copyTo(row(0, size), slot(size));
        grow();
    }

    /** Hashes the complete subtrees the new leaf {@code size} closes, then counts it. */
    private void grow() {
        long index = size;
        for (int level = 0; (index & 1) == 1; level++, index >>= 1) {
            sha.update((byte) 1);
            sha.update(row(level, index), slot(index - 1), 2 * Hash.LENGTH);
            digestInto(level + 1, index >> 1);
        }
        size++;
    }

    private void checkRoom() {
        if (size == MAX_SIZE) {
            throw new IllegalStateException("The tree is full at " + MAX_SIZE + " leaves.");
        }
    }

    /** Ends the digest into slot {@code index} of the level. */
    private void digestInto(int level, long index) {
        try {
            sha.digest(row(level, index), slot(index), Hash.LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer.", e);
        }
    }

    @Override
    public synchronized Hash node(int level, long index) {
        if (level < 0 || level > 62 || index < 0 || index >= size >> level) {
            throw new IllegalArgumentException("A tree of " + size + " entries has no node " + index + " at level " + level + ".");
        }
        return Hash.at(levels[level][(int) (index >> SHIFT)], slot(index));
    }

    /** Where node {@code index} of a level begins in its chunk. */
    private static int slot(long index) {
        return (int) (index & (CHUNK - 1)) * Hash.LENGTH;
    }

    /**
     * The chunk of the level that holds node {@code index}, made when it is the first node of its chunk: the first
     * chunk of a level grows by doubling up to its full size, the others are made full.
     */
    private byte[] row(int level, long index) {
        int c = (int) (index >> SHIFT);
        byte[][] chunks = levels[level];
        if (chunks == null || c >= chunks.length) {
            chunks = levels[level] = chunks == null ? new byte[1][] : Arrays.copyOf(chunks, Math.max(c + 1, 2 * chunks.length));
        }
        byte[] chunk = chunks[c];
        int end = slot(index) + Hash.LENGTH;
        if (chunk == null) {
            chunk = new byte[c == 0 ? Math.max(Hash.LENGTH * 16, end) : CHUNK * Hash.LENGTH];
        } else if (chunk.length < end) {
            chunk = Arrays.copyOf(chunk, Math.min(CHUNK * Hash.LENGTH, Math.max(end, 2 * chunk.length)));
        }
        chunks[c] = chunk;
        return chunk;
    }
}
