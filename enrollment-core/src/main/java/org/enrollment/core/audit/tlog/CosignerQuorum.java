package org.enrollment.core.audit.tlog;

import java.util.List;

/**
 * How many of which witnesses must have cosigned a checkpoint before a client trusts it (见证法定数): k of n
 * {@code cosignature/v1} keys, each counted once.
 *
 * @param cosigners the witnesses' keys (type 0x04)
 * @param required how many of them must have cosigned, from 0 to their number
 */
public record CosignerQuorum(List<VerifierKey> cosigners, int required) {

    /** A quorum of cosigner keys. */
    public CosignerQuorum {
        cosigners = List.copyOf(cosigners);
        if (cosigners.stream().anyMatch(k -> !k.isCosigner())) {
            throw new IllegalArgumentException("A quorum counts cosigner keys (type 0x04) only.");
        }
        if (cosigners.stream().distinct().count() != cosigners.size()) {
            throw new IllegalArgumentException("A quorum names each cosigner once.");
        }
        if (required < 0 || required > cosigners.size()) {
            throw new IllegalArgumentException("A quorum needs 0 to " + cosigners.size() + " cosignatures, not " + required + ".");
        }
    }

    /** No witness needed. */
    public static CosignerQuorum none() {
        return new CosignerQuorum(List.of(), 0);
    }

    /** How many of the cosigners have a cosignature on the note that verifies. */
    public long count(SignedNote note) {
        return cosigners.stream().filter(note::verifiedBy).count();
    }

    /** Whether enough of the cosigners cosigned the note. */
    public LogCheck check(SignedNote note) {
        long found = count(note);
        return found >= required ? LogCheck.ok()
                : LogCheck.fails(required + " of " + cosigners.size() + " witnesses must have cosigned the checkpoint; "
                        + found + " did.");
    }
}
