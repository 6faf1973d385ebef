package org.enrollment.core.audit.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * That the tree of {@code newSize} entries extends the tree of {@code oldSize} (一致性证明): the RFC 6962 §2.1.2
 * proof, written one base64 hash a line.
 *
 * @param oldSize the size of the earlier tree
 * @param newSize the size of the later tree
 * @param path the hashes of the proof
 */
public record ConsistencyProof(long oldSize, long newSize, List<Hash> path) {

    /** A proof between two sizes, the old not above the new. */
    public ConsistencyProof {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("No consistency proof from " + oldSize + " to " + newSize + " entries.");
        }
        path = List.copyOf(Objects.requireNonNull(path, "path"));
    }

    /**
     * Reads a proof written one base64 hash a line (blank lines ignored).
     *
     * @throws IllegalArgumentException naming the line that is not a hash
     */
    public static ConsistencyProof parse(long oldSize, long newSize, String text) {
        List<Hash> hashes = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                hashes.add(Hash.ofBase64(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of the consistency proof: " + e.getMessage(), e);
            }
        }
        return new ConsistencyProof(oldSize, newSize, hashes);
    }

    /** The proof one base64 hash a line, each line ending with a newline. */
    public String text() {
        StringBuilder out = new StringBuilder();
        path.forEach(h -> out.append(h.base64()).append('\n'));
        return out.toString();
    }

    /**
     * Whether the proof shows that {@code newRoot}'s tree extends {@code oldRoot}'s (the verification of
     * RFC 9162 §2.1.4.2). A tree of 0 entries is extended by every tree; equal sizes need equal roots and no path.
     */
    public boolean verify(Hash oldRoot, Hash newRoot) {
        if (oldSize == newSize) {
            return path.isEmpty() && oldRoot.equals(newRoot);
        }
        if (oldSize == 0) {
            return path.isEmpty();
        }
        if (path.isEmpty()) {
            return false;
        }
        List<Hash> proof = path;
        if (Long.bitCount(oldSize) == 1) {
            proof = new ArrayList<>(path.size() + 1);
            proof.add(oldRoot);
            proof.addAll(path);
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        Hash fr = proof.get(0);
        Hash sr = proof.get(0);
        for (Hash c : proof.subList(1, proof.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hash.node(c, fr);
                sr = Hash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Hash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.equals(oldRoot) && sr.equals(newRoot);
    }
}
