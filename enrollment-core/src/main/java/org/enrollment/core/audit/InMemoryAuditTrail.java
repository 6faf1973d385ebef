package org.enrollment.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.Checkpoints;
import org.enrollment.core.audit.tlog.LogTree;
import org.enrollment.core.audit.tlog.MerkleTree;

/**
 * The audit log held in memory, for the in-memory store. Appends are serialised (the chain is a total
 * order); reads take a consistent prefix. The tree and the checkpoints are kept in memory too.
 */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEntry> entries = new ArrayList<>();
    private final MessageDigest sha256 = AuditChain.sha256();
    private final MerkleTree tree = new MerkleTree();
    private final Checkpoints checkpoints = new Checkpoints();
    private String lastHash = AuditChain.GENESIS;

    /** An empty log. */
    public InMemoryAuditTrail() {
    }

    @Override
    public synchronized AuditEntry append(AuditRecord record) {
        AuditEntry e = AuditChain.seal(sha256, entries.size(), lastHash, record);
        byte[] line = e.line().getBytes(StandardCharsets.UTF_8);
        tree.appendEntry(line, 0, line.length);
        entries.add(e);
        lastHash = e.hash();
        return e;
    }

    @Override
    public synchronized AuditHead head() {
        return new AuditHead(entries.size(), lastHash);
    }

    @Override
    public synchronized List<AuditEntry> entries(long from, long to) {
        return List.copyOf(entries.subList((int) from, (int) to));
    }

    @Override
    public LogTree tree() {
        return tree;
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    @Override
    public AuditVerification verify(AuditHead remembered) {
        List<AuditEntry> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(entries);
        }
        return AuditChain.verify(snapshot.iterator(), remembered);
    }
}
