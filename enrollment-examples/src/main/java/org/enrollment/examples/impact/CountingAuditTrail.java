package org.enrollment.examples.impact;

import java.util.List;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.AuditVerification;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.LogTree;

/**
 * An audit log that only counts its entries: an impact replay compares decisions, not logs. It keeps no records
 * ({@link #keepsRecords()}), so a registry builds none for it: no child references, facts, body, seal or hash;
 * two whole seasons' entries would not fit beside their registries in a 1 GB heap anyway. Each entry it hands back
 * has its sequence number only, with an empty body and hash.
 */
final class CountingAuditTrail implements AuditTrail {

    private long count;

    @Override
    public AuditEntry append(AuditRecord record) {
        return new AuditEntry(add(record), "", "");
    }

    @Override
    public long add(AuditRecord record) {
        return count++;
    }

    /** No: it counts. */
    @Override
    public boolean keepsRecords() {
        return false;
    }

    /**
     * The head of the empty log, which a store checks when it opens.
     *
     * @throws UnsupportedOperationException once there are entries: they have no hashes
     */
    @Override
    public AuditHead head() {
        if (count != 0) {
            throw unsupported("head");
        }
        return AuditHead.empty();
    }

    /** @throws UnsupportedOperationException always: the entries are not kept */
    @Override
    public List<AuditEntry> entries(long from, long to) {
        throw unsupported("entries");
    }

    /** @throws UnsupportedOperationException always: the entries are not kept, nor their tree */
    @Override
    public LogTree tree() {
        throw unsupported("tree");
    }

    /** @throws UnsupportedOperationException always: an impact replay signs no checkpoints */
    @Override
    public CheckpointStore checkpoints() {
        throw unsupported("checkpoints");
    }

    /** @throws UnsupportedOperationException always: there is nothing to check */
    @Override
    public AuditVerification verify(AuditHead remembered) {
        throw unsupported("verify");
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("An impact replay's audit log counts its " + count
                + " entries and keeps none of them, so it has no " + what + ".");
    }
}
