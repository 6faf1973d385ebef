package org.enrollment.core.audit;

import org.enrollment.core.child.MaskedText;

/**
 * The result of checking the audit log: intact, or the index of the first entry that is not as written
 * and what is wrong there.
 *
 * @param intact whether every entry checked out
 * @param entriesChecked how many entries were read
 * @param firstBadIndex the index (0-based) of the first bad entry, or -1 when intact
 * @param problem what is wrong there, or an empty string when intact
 */
public record AuditVerification(boolean intact, long entriesChecked, long firstBadIndex, String problem) {

    static AuditVerification ok(long checked) {
        return new AuditVerification(true, checked, -1, "");
    }

    static AuditVerification badAt(long checked, long index, String problem) {
        return new AuditVerification(false, checked, index, problem);
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
