package org.enrollment.core.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log held in memory, for the in-memory store. Appends are serialised (the chain is a total
 * order); reads take a consistent prefix.
 */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEntry> entries = new ArrayList<>();
    private final MessageDigest sha256 = AuditChain.sha256();
    private String lastHash = AuditChain.GENESIS;

    /** An empty log. */
    public InMemoryAuditTrail() {
    }

    @Override
    public synchronized AuditEntry append(AuditRecord record) {
        AuditEntry e = AuditChain.seal(sha256, entries.size(), lastHash, record);
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
    public AuditVerification verify(AuditHead remembered) {
        List<AuditEntry> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(entries);
        }
        return AuditChain.verify(snapshot.iterator(), remembered);
    }
}
