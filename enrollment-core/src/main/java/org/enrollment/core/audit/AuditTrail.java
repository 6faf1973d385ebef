package org.enrollment.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.LogTree;

/**
 * The audit log (不可更改的后台记录): append-only, one entry per command, accepted or refused, each chained
 * to the one before by SHA-256, and leaf <i>i</i> of an RFC 6962 Merkle tree the trail keeps as it appends
 * ({@link #tree()}, O(log n) per entry). A store owns its trail, so that a state change, its entry and its leaf are
 * written together.
 */
public interface AuditTrail {

    /** Appends the record as the next entry and returns it. */
    AuditEntry append(AuditRecord record);

    /**
     * Appends the record as the next entry and returns its sequence number: all a command's caller needs. A trail
     * may make the entry later, on another thread ({@link InMemoryAuditTrail}); every read that begins after this
     * returns sees it, and a failure making it is thrown by that read and every call after it.
     */
    default long add(AuditRecord record) {
        return append(record).sequence();
    }

    /**
     * Whether the trail keeps what it is given. A trail that only counts its entries (an impact replay's, which
     * compares decisions, not logs) says no, and a registry then hands it {@link AuditRecord#UNKEPT} instead of
     * building each command's record: no child references, facts, body, seal or hash are made for it.
     */
    default boolean keepsRecords() {
        return true;
    }

    /** How many entries there are, and the last hash: what a host remembers to check the log later. */
    AuditHead head();

    /** The entries from index {@code from} (inclusive) to {@code to} (exclusive). */
    List<AuditEntry> entries(long from, long to);

    /**
     * The Merkle tree of the entries (默克尔树): leaf <i>i</i> is SHA-256(0x00 ‖ line <i>i</i>+1 of the export); its
     * size is that of the entries, its root and proofs those a checkpoint of the log signs and proves.
     */
    LogTree tree();

    /** The checkpoints signed of this log and kept with it (in memory, or in the store's database). */
    CheckpointStore checkpoints();

    /** Checks the whole log against a head the host remembered. */
    AuditVerification verify(AuditHead remembered);

    /** Checks the whole log against its own current head (finds any entry altered in the middle). */
    default AuditVerification verify() {
        return verify(head());
    }

    /**
     * Writes the log as JSON Lines, one entry a line, each ending with its hash.
     *
     * @throws UncheckedIOException when the output fails
     */
    default void export(Appendable out) {
        long size = head().count();
        int page = 10_000;
        try {
            for (long from = 0; from < size; from += page) {
                for (AuditEntry e : entries(from, Math.min(size, from + page))) {
                    out.append(e.line()).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the audit log failed.", e);
        }
    }
}
