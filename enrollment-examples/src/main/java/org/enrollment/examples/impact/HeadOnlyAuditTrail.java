package org.enrollment.examples.impact;

import java.util.List;
import org.enrollment.core.audit.AuditChain;
import org.enrollment.core.audit.AuditEntry;
import org.enrollment.core.audit.AuditHead;
import org.enrollment.core.audit.AuditRecord;
import org.enrollment.core.audit.AuditTrail;
import org.enrollment.core.audit.AuditVerification;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.LogTree;

/**
 * An audit log that seals every entry onto the chain but keeps only the head: an impact replay compares
 * decisions, not logs, and two whole seasons' entries would not fit beside their registries in a 1 GB heap.
 */
final class HeadOnlyAuditTrail implements AuditTrail {

    private AuditHead head = new AuditHead(0, AuditChain.GENESIS);

    @Override
    public AuditEntry append(AuditRecord record) {
        AuditEntry e = AuditChain.next(head, record);
        head = new AuditHead(head.count() + 1, e.hash());
        return e;
    }

    @Override
    public AuditHead head() {
        return head;
    }

    /** @throws UnsupportedOperationException always: the entries are not kept */
    @Override
    public List<AuditEntry> entries(long from, long to) {
        throw new UnsupportedOperationException("An impact replay keeps no audit entries, only the head.");
    }

    /** @throws UnsupportedOperationException always: the entries are not kept, nor their tree */
    @Override
    public LogTree tree() {
        throw new UnsupportedOperationException("An impact replay keeps no audit tree, only the head.");
    }

    /** @throws UnsupportedOperationException always: an impact replay signs no checkpoints */
    @Override
    public CheckpointStore checkpoints() {
        throw new UnsupportedOperationException("An impact replay keeps no checkpoints, only the head.");
    }

    /** Intact when the remembered head is this one: there are no entries to check. */
    @Override
    public AuditVerification verify(AuditHead remembered) {
        return remembered.equals(head) ? new AuditVerification(true, 0, -1, "")
                : new AuditVerification(false, 0, 0, "An impact replay keeps only its head, " + head + ", and it is not the one remembered.");
    }
}
