package org.enrollment.core.audit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.enrollment.core.child.MaskedText;

/**
 * One entry of the audit log (不可更改的后台记录): its sequence number, the canonical JSON body and the
 * SHA-256 hash that chains it to the entry before.
 *
 * @param sequence 0 for the first entry, then one more each time
 * @param body the canonical JSON body, one line, without the hash
 * @param hash the lower-case hex SHA-256 of the previous entry's hash followed by this body
 */
public record AuditEntry(long sequence, String body, String hash) {

    static final String HASH_FIELD = ",\"hash\":\"";

    /** Validates the fields. */
    public AuditEntry {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(hash, "hash");
    }

    /** The entry as one JSON Lines line: the body with the hash as its last field. */
    public String line() {
        return body.substring(0, body.length() - 1) + HASH_FIELD + hash + "\"}";
    }

    /** The id of the child key the entry was written under ({@link StateSeal#keyId}), if it records one. */
    public Optional<String> keyId() {
        return LogReplay.plainField(body, "key");
    }

    /** The body as UTF-8 bytes, the input to the hash. */
    byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
