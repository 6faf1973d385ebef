package org.enrollment.core.audit.tlog;

import java.util.List;
import java.util.Objects;

/**
 * That entry {@code index} is leaf {@code index} of the tree of {@code treeSize} entries (包含证明): the RFC 6962
 * §2.1.1 audit path, from the leaf's sibling up to a child of the root.
 *
 * @param index the entry's index, 0-based
 * @param treeSize the size of the tree the proof is for
 * @param path the hashes of the path
 */
public record InclusionProof(long index, long treeSize, List<Hash> path) {

    /** A proof of an index below the tree size. */
    public InclusionProof {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("Entry " + index + " is not in a tree of " + treeSize + ".");
        }
        path = List.copyOf(Objects.requireNonNull(path, "path"));
    }

    /**
     * Whether the path leads from this leaf hash to this root (the verification of RFC 9162 §2.1.3.2).
     */
    public boolean verify(Hash leaf, Hash root) {
        return root.equals(rootFrom(leaf));
    }

    /** The root the path leads to from this leaf, or {@code null} when the path is not one of the tree's size. */
    Hash rootFrom(Hash leaf) {
        long fn = index;
        long sn = treeSize - 1;
        Hash r = leaf;
        for (Hash p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Hash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }
}
