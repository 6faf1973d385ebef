package org.enrollment.core.audit.tlog;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RFC 6962 Merkle tree of the log (默克尔树), kept as it grows: every complete subtree's hash is kept, level by
 * level, so that an append costs O(log n) hashes at worst (one on average), and the root of any prefix, an
 * inclusion proof (§2.1.1) or a consistency proof (§2.1.2) costs O(log n) reads. Up to 2<sup>26</sup> leaves;
 * safe for one writer and many readers.
 */
public final class MerkleTree {

    /** The most leaves a tree holds: each level is one array. */
    public static final long MAX_SIZE = Integer.MAX_VALUE / Hash.LENGTH;

    private final MessageDigest sha = sha256();
    private final byte[][] levels = new byte[64][];
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

    /** How many leaves the tree has. */
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

    /**
     * Appends a leaf hash.
     *
     * @throws IllegalStateException when the tree is full
     */
    public synchronized void append(Hash leaf) {
        checkRoom();
        leaf.copyTo(row(0, size), (int) size * Hash.LENGTH);
        grow();
    }

    /** Hashes the complete subtrees the new leaf {@code size} closes, then counts it. */
    private void grow() {
        long index = size;
        for (int level = 0; (index & 1) == 1; level++, index >>= 1) {
            sha.update((byte) 1);
            sha.update(levels[level], (int) (index - 1) * Hash.LENGTH, 2 * Hash.LENGTH);
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
            sha.digest(row(level, index), (int) index * Hash.LENGTH, Hash.LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer.", e);
        }
    }

    /** The root of the whole tree. */
    public synchronized Hash root() {
        return root(size);
    }

    /**
     * The root of the tree of the first {@code n} leaves.
     *
     * @throws IllegalArgumentException when the tree has fewer than {@code n} leaves
     */
    public synchronized Hash root(long n) {
        checkSize(n);
        return subtree(0, n);
    }

    /** The hash of leaf {@code index}. */
    public synchronized Hash leaf(long index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("There is no leaf " + index + " in a tree of " + size + ".");
        }
        return Hash.at(levels[0], (int) index * Hash.LENGTH);
    }

    /**
     * The inclusion proof of leaf {@code index} in the tree of the first {@code n} leaves (RFC 6962 §2.1.1).
     *
     * @throws IllegalArgumentException when {@code index} is not below {@code n} or {@code n} exceeds the size
     */
    public synchronized InclusionProof inclusionProof(long index, long n) {
        checkSize(n);
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("Entry " + index + " is not in a tree of " + n + ".");
        }
        List<Hash> path = new ArrayList<>();
        path(index, 0, n, path);
        return new InclusionProof(index, n, path);
    }

    /**
     * The consistency proof from the tree of the first {@code m} leaves to that of the first {@code n}
     * (RFC 6962 §2.1.2).
     *
     * @throws IllegalArgumentException unless 0 ≤ m ≤ n ≤ size
     */
    public synchronized ConsistencyProof consistencyProof(long m, long n) {
        checkSize(n);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("No consistency proof from " + m + " to " + n + " entries.");
        }
        List<Hash> path = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(m, 0, n, true, path);
        }
        return new ConsistencyProof(m, n, path);
    }

    /** PATH(m, D[lo:hi]) of RFC 6962, appended leaf side first. */
    private void path(long m, long lo, long hi, List<Hash> out) {
        if (hi - lo == 1) {
            return;
        }
        long k = splitOf(hi - lo);
        if (m - lo < k) {
            path(m, lo, lo + k, out);
            out.add(subtree(lo + k, hi));
        } else {
            path(m, lo + k, hi, out);
            out.add(subtree(lo, lo + k));
        }
    }

    /** SUBPROOF(m, D[lo:hi], b) of RFC 6962. */
    private void subproof(long m, long lo, long hi, boolean whole, List<Hash> out) {
        if (m == hi - lo) {
            if (!whole) {
                out.add(subtree(lo, hi));
            }
            return;
        }
        long k = splitOf(hi - lo);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, out);
            out.add(subtree(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(subtree(lo, lo + k));
        }
    }

    /** MTH(D[lo:hi]) where [lo, hi) is a subtree RFC 6962 builds: complete ones are read, others combined. */
    private Hash subtree(long lo, long hi) {
        long n = hi - lo;
        if (n == 0) {
            return Hash.empty();
        }
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return Hash.at(levels[level], (int) (lo >> level) * Hash.LENGTH);
        }
        long k = splitOf(n);
        return Hash.node(subtree(lo, lo + k), subtree(lo + k, hi));
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2). */
    static long splitOf(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void checkSize(long n) {
        if (n < 0 || n > size) {
            throw new IllegalArgumentException("The tree has " + size + " entries, not " + n + ".");
        }
    }

    /** The level's array, grown to hold slot {@code index}. */
    private byte[] row(int level, long index) {
        byte[] row = levels[level];
        int end = (int) (index + 1) * Hash.LENGTH;
        if (row == null) {
            row = new byte[Math.max(Hash.LENGTH * 16, end)];
        } else if (row.length < end) {
            row = Arrays.copyOf(row, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(end, 2L * row.length)));
        }
        levels[level] = row;
        return row;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256, which every Java platform must have.", e);
        }
    }
}
