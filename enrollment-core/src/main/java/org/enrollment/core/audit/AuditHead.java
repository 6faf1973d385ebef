package org.enrollment.core.audit;

import java.util.Objects;

/**
 * What a host remembers of the audit log to check it later: how many entries it had and the last hash.
 * Checked against it, the log shows any entry altered, removed, inserted, reordered or cut off.
 *
 * @param count the number of entries
 * @param lastHash the hash of the last entry, or the genesis hash when there are none
 */
public record AuditHead(long count, String lastHash) {

    /** Validates the fields. */
    public AuditHead {
        Objects.requireNonNull(lastHash, "lastHash");
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + count + ".");
        }
    }

    /** The head of an empty log. */
    public static AuditHead empty() {
        return new AuditHead(0, AuditChain.GENESIS);
    }
}
