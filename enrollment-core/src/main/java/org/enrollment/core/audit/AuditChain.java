package org.enrollment.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Objects;

/**
 * The hash chain of the audit log: how an entry's hash is made, and how a sequence of entries, or of
 * exported lines, is checked against a remembered {@link AuditHead}.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /** The hash of an entry with this body following an entry with {@code previousHash}. */
    static String hash(MessageDigest sha256, String previousHash, byte[] body) {
        sha256.reset();
        sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        return HEX.formatHex(sha256.digest(body));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256, which every Java platform must have.", e);
        }
    }

    /** Makes the entry that follows {@code previousHash} with this record. */
    static AuditEntry seal(MessageDigest sha256, long sequence, String previousHash, AuditRecord record) {
        String body = record.body(sequence);
        return new AuditEntry(sequence, body, hash(sha256, previousHash, body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The entry that follows {@code head} with this record: for a store that keeps the chain in its own
     * storage (a database table) and serialises appends under its own lock.
     */
    public static AuditEntry next(AuditHead head, AuditRecord record) {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(record, "record");
        return seal(sha256(), head.count(), head.lastHash(), record);
    }

    /**
     * Checks entries, in order, against the head a host remembered. Entries past the head's count are
     * checked for chaining too: the log may have grown since.
     */
    public static AuditVerification verify(Iterator<AuditEntry> entries, AuditHead remembered) {
        MessageDigest sha256 = sha256();
        String previous = GENESIS;
        long index = 0;
        while (entries.hasNext()) {
            AuditEntry e = entries.next();
            String problem = check(sha256, e, index, previous);
            if (problem != null) {
                return AuditVerification.badAt(index + 1, index, problem);
            }
            if (index == remembered.count() - 1 && !e.hash().equals(remembered.lastHash())) {
                return AuditVerification.badAt(index + 1, index, "its hash is not the one remembered for the last entry");
            }
            previous = e.hash();
            index++;
        }
        if (index < remembered.count()) {
            return AuditVerification.badAt(index, index, "the log ends here, but " + remembered.count() + " entries were remembered");
        }
        if (remembered.count() == 0 && !remembered.lastHash().equals(GENESIS)) {
            return AuditVerification.badAt(index, 0, "the remembered head of an empty log must hold the genesis hash");
        }
        return AuditVerification.ok(index);
    }

    /** Checks exported JSON Lines, as {@link AuditTrail#export} writes them, against a remembered head. */
    public static AuditVerification verifyLines(Iterator<String> lines, AuditHead remembered) {
        Iterator<AuditEntry> entries = new Iterator<>() {
            long index;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public AuditEntry next() {
                AuditEntry e = parseLine(lines.next(), index);
                index++;
                return e;
            }
        };
        return verify(entries, remembered);
    }

    /** An exported line taken apart; a line that is not in the written form gives an entry that cannot check out. */
    private static AuditEntry parseLine(String line, long index) {
        int at = line.lastIndexOf(AuditEntry.HASH_FIELD);
        String prefix = "{\"seq\":";
        if (at < 0 || !line.endsWith("\"}") || !line.startsWith(prefix)) {
            return new AuditEntry(-1, "{}", "unreadable line");
        }
        String body = line.substring(0, at) + "}";
        String hash = line.substring(at + AuditEntry.HASH_FIELD.length(), line.length() - 2);
        int comma = body.indexOf(',');
        long seq;
        try {
            seq = comma < 0 ? -1 : Long.parseLong(body.substring(prefix.length(), comma));
        } catch (NumberFormatException e) {
            seq = -1;
        }
        return new AuditEntry(seq, body, hash);
    }

    private static String check(MessageDigest sha256, AuditEntry e, long index, String previous) {
        if (e.sequence() != index) {
            return e.sequence() < 0 ? "the entry cannot be read" : "its sequence number is " + e.sequence() + ", expected " + index;
        }
        String expected = hash(sha256, previous, e.bodyBytes());
        if (!expected.equals(e.hash())) {
            return "its hash does not match its content and the entry before (altered, removed, inserted or reordered)";
        }
        return null;
    }
}
