package org.enrollment.core.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An export's lines as an attacker holding the log's key would rework them: rewritten, appended, cut; its tree,
 * its signed checkpoint and the consistency proof the attacker would hand a witness.
 */
final class ForgedLog {

    final List<String> lines;
    private final SigningKey logKey;

    ForgedLog(List<String> lines, SigningKey logKey) {
        this.lines = new ArrayList<>(lines);
        this.logKey = logKey;
    }

    /** Lines shaped like audit entries, each naming its index and chained to the one before. */
    static List<String> entries(int count) {
        List<String> lines = new ArrayList<>();
        String previous = "0".repeat(8);
        for (int i = 0; i < count; i++) {
            String body = "{\"seq\":" + i + ",\"actor\":\"school:11010" + i % 7 + "\",\"command\":\"admit\",\"state\":\"ADMITTED\"";
            previous = Integer.toHexString((previous + body).hashCode());
            lines.add(body + ",\"hash\":\"" + previous + "\"}");
        }
        return lines;
    }

    ForgedLog copy() {
        return new ForgedLog(lines, logKey);
    }

    MerkleTree tree() {
        MerkleTree tree = new MerkleTree();
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            tree.appendEntry(bytes, 0, bytes.length);
        }
        return tree;
    }

    SignedNote checkpoint() {
        MerkleTree tree = tree();
        return Checkpoint.of(logKey.name(), tree, tree.size()).signedBy(logKey);
    }

    /** The best consistency proof the attacker's own tree gives from {@code heldSize}, when it is that large. */
    ConsistencyProof proofFrom(long heldSize) {
        MerkleTree tree = tree();
        return heldSize <= tree.size() ? tree.consistencyProof(heldSize, tree.size())
                : new ConsistencyProof(tree.size(), heldSize, List.of());
    }
}
