package org.enrollment.core.audit.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of a log as its store keeps it (日志的默克尔树): the hash of every complete subtree, addressed as Go's
 * {@code sumdb/tlog} does by level and index (level 0 are the leaves; node (L, i) covers entries
 * i·2<sup>L</sup> to (i+1)·2<sup>L</sup> − 1). From those the root of any size and the RFC 6962 proofs are computed
 * with O(log n) reads. A tree only grows: a node once readable never changes.
 */
public interface LogTree {

    /** How many leaves the tree has. */
    long size();

    /**
     * The hash of complete subtree {@code index} of this level.
     *
     * @throws IllegalArgumentException when the tree has no such node
     */
    Hash node(int level, long index);

    /**
     * The hashes of nodes {@code from} to {@code to} (exclusive) of a level, in order; {@code null} for a node the
     * store lacks. For checks that read the whole tree; a store reads them in one go.
     */
    default List<Hash> nodes(int level, long from, long to) {
        List<Hash> out = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            out.add(node(level, i));
        }
        return out;
    }

    /** The root of the whole tree. */
    default Hash root() {
        return root(size());
    }

    /**
     * The root of the tree of the first {@code n} leaves.
     *
     * @throws IllegalArgumentException when the tree has fewer than {@code n} leaves
     */
    default Hash root(long n) {
        checkSize(n);
        return subtree(0, n);
    }

    /** The hash of leaf {@code index}. */
    default Hash leaf(long index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("There is no leaf " + index + " in a tree of " + size() + ".");
        }
        return node(0, index);
    }

    /**
     * The inclusion proof of leaf {@code index} in the tree of the first {@code n} leaves (RFC 6962 §2.1.1).
     *
     * @throws IllegalArgumentException when {@code index} is not below {@code n} or {@code n} exceeds the size
     */
    default InclusionProof inclusionProof(long index, long n) {
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
    default ConsistencyProof consistencyProof(long m, long n) {
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

    /**
     * MTH(D[lo:hi]) where [lo, hi) is a subtree RFC 6962 builds: complete ones are read, others combined.
     * For a check that searches two trees for where they part.
     */
    default Hash subtree(long lo, long hi) {
        long n = hi - lo;
        if (n == 0) {
            return Hash.empty();
        }
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            return node(Long.numberOfTrailingZeros(n), lo / n);
        }
        long k = splitOf(n);
        return Hash.node(subtree(lo, lo + k), subtree(lo + k, hi));
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

    private void checkSize(long n) {
        long size = size();
        if (n < 0 || n > size) {
            throw new IllegalArgumentException("The tree has " + size + " entries, not " + n + ".");
        }
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2). */
    static long splitOf(long n) {
        return Long.highestOneBit(n - 1);
    }
}
