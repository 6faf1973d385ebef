package org.enrollment.core.audit.tlog;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The RFC 6962 tree of leaves 0 to n − 1 held as its compact range (紧凑区间): only the hashes of the complete
 * subtrees that n's binary digits name, at most 64, largest first, so that the root of a stream of leaves costs one
 * interior hash per leaf on average and O(log n) memory, with no tree kept ({@link MerkleTree} keeps every level for
 * proofs). The root folds the stack from the right: of n = 2<sup>k</sup> + m leaves it is
 * node(the first 2<sup>k</sup>, the root of the other m), RFC 6962 §2.1's split. Not safe for concurrent use.
 */
final class CompactRange {

    private final MessageDigest sha;
    private final byte[] stack = new byte[64 * Hash.LENGTH];
    private int top;
    private long size;

    /** An empty range, hashing with this SHA-256 digest (its own, not shared with another thread). */
    CompactRange(MessageDigest sha) {
        this.sha = sha;
    }

    /** The number of leaves appended. */
    long size() {
        return size;
    }

    /** Appends the leaf hash held at {@code leaves[offset, offset + 32)} and hashes the subtrees it completes. */
    void append(byte[] leaves, int offset) {
        System.arraycopy(leaves, offset, stack, top++ * Hash.LENGTH, Hash.LENGTH);
        for (long closed = size; (closed & 1) == 1; closed >>= 1) {
            top--;
            node((top - 1) * Hash.LENGTH);
        }
        size++;
    }

    /** The root of the leaves appended: SHA-256 of nothing for none. */
    Hash root() {
        if (top == 0) {
            return Hash.at(sha.digest(), 0);
        }
        byte[] folded = Arrays.copyOf(stack, top * Hash.LENGTH);
        for (int right = top - 1; right > 0; right--) {
            sha.update((byte) 1);
            sha.update(folded, (right - 1) * Hash.LENGTH, 2 * Hash.LENGTH);
            digestInto(folded, (right - 1) * Hash.LENGTH);
        }
        return Hash.at(folded, 0);
    }

    /** Replaces the two hashes at {@code at} of the stack with their parent, SHA-256(0x01 ‖ left ‖ right). */
    private void node(int at) {
        sha.update((byte) 1);
        sha.update(stack, at, 2 * Hash.LENGTH);
        digestInto(stack, at);
    }

    private void digestInto(byte[] target, int at) {
        try {
            sha.digest(target, at, Hash.LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer.", e);
        }
    }
}
