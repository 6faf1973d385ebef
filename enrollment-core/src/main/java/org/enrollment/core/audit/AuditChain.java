package org.enrollment.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
    private static final int HASH_HEX = 64;
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ_PREFIX = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HASH_MARK = AuditEntry.HASH_FIELD.getBytes(StandardCharsets.US_ASCII);

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
        return sealLine(sha256, sequence, previousHash.getBytes(StandardCharsets.US_ASCII), record).entry();
    }

    /** As {@link #sealLine(MessageDigest, long, byte[], AuditRecord, Utf8Out)}, the body written into a buffer of its own. */
    static Sealed sealLine(MessageDigest sha256, long sequence, byte[] previousHash, AuditRecord record) {
        return sealLine(sha256, sequence, previousHash, record, new Utf8Out(1024));
    }

    /**
     * Makes the entry that follows the entry whose hash is {@code previousHash} (its 64 hex digits in ASCII), as its
     * export line in UTF-8: the body is written once, as bytes, into {@code body} (emptied first, and reused by a
     * caller that seals many), hashed from there and copied into the line (the tree's leaf).
     */
    static Sealed sealLine(MessageDigest sha256, long sequence, byte[] previousHash, AuditRecord record, Utf8Out body) {
        body.reset();
        record.body(body, sequence);
        byte[] bytes = body.bytes();
        int size = body.size();
        sha256.reset();
        sha256.update(previousHash);
        sha256.update(bytes, 0, size);
        byte[] digest = sha256.digest();
        int hashAt = size - 1 + HASH_MARK.length;
        byte[] line = new byte[hashAt + HASH_HEX + 2];
        System.arraycopy(bytes, 0, line, 0, size - 1);
        System.arraycopy(HASH_MARK, 0, line, size - 1, HASH_MARK.length);
        for (int i = 0; i < digest.length; i++) {
            line[hashAt + 2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xf];
            line[hashAt + 2 * i + 1] = HEX_DIGITS[digest[i] & 0xf];
        }
        line[line.length - 2] = '"';
        line[line.length - 1] = '}';
        return new Sealed(sequence, line);
    }

    /**
     * An entry just made, as its export line's UTF-8 bytes (without the line end); made an {@link AuditEntry} only
     * when asked (the in-memory trail keeps the line only).
     *
     * @param sequence the entry's sequence number
     * @param line the entry's line in UTF-8; its last 66 bytes are the hash's hex digits, then {@code "}}
     */
    record Sealed(long sequence, byte[] line) {

        /** Where in {@link #line} the hash's 64 hex digits begin. */
        int hashAt() {
            return line.length - 2 - HASH_HEX;
        }

        /** The entry's hash, in hex. */
        String hash() {
            return new String(line, hashAt(), HASH_HEX, StandardCharsets.US_ASCII);
        }

        /** The entry: its body read back from the line, as an export is read. */
        AuditEntry entry() {
            return new AuditEntry(sequence, new String(line, 0, hashAt() - HASH_MARK.length, StandardCharsets.UTF_8) + "}", hash());
        }
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
        return ended(index, remembered);
    }

    /** The verdict on a log whose entries all checked out, by how many there were against the head. */
    private static AuditVerification ended(long count, AuditHead remembered) {
        if (count < remembered.count()) {
            return AuditVerification.badAt(count, count, "the log ends here, but " + remembered.count() + " entries were remembered");
        }
        if (remembered.count() == 0 && !remembered.lastHash().equals(GENESIS)) {
            return AuditVerification.badAt(count, 0, "the remembered head of an empty log must hold the genesis hash");
        }
        return AuditVerification.ok(count);
    }

    /**
     * Checks a file of exported JSON Lines against a remembered head, reading bytes: no line is decoded into
     * text, so a long log checks at the speed of SHA-256.
     *
     * @throws IOException when the file cannot be read
     */
    public static AuditVerification verifyFile(Path file, AuditHead remembered) throws IOException {
        return verifyLines(visitor -> ExportLines.read(file, visitor), remembered);
    }

    /** Where lines come from to be checked as bytes: an export file, the lines an in-memory trail keeps. */
    @FunctionalInterface
    interface LineSource {

        /**
         * Gives each line to the visitor until it says stop.
         *
         * @return as {@link ExportLines#read}: bytes after the last line end, or -1 when the visitor stopped
         */
        int read(ExportLines.Visitor visitor) throws IOException;
    }

    /** Checks the lines of the source, as bytes, against a remembered head. */
    static AuditVerification verifyLines(LineSource source, AuditHead remembered) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] previous = GENESIS.getBytes(StandardCharsets.US_ASCII);
        long[] index = {0};
        String[] problem = {null};
        int rest = source.read((bytes, start, end) -> {
            problem[0] = checkLine(sha256, bytes, start, end, index[0], previous);
            if (problem[0] == null && index[0] == remembered.count() - 1
                    && !Arrays.equals(bytes, end - 2 - HASH_HEX, end - 2, remembered.lastHash().getBytes(StandardCharsets.US_ASCII), 0, HASH_HEX)) {
                problem[0] = "its hash is not the one remembered for the last entry";
            }
            if (problem[0] != null) {
                return false;
            }
            System.arraycopy(bytes, end - 2 - HASH_HEX, previous, 0, HASH_HEX);
            index[0]++;
            return true;
        });
        if (rest < 0) {
            return AuditVerification.badAt(index[0] + 1, index[0], problem[0]);
        }
        if (rest > 0) {
            return AuditVerification.badAt(index[0] + 1, index[0], "the last line is cut off");
        }
        return ended(index[0], remembered);
    }

    /** Checks the line from {@code start} to {@code end} (exclusive, at its newline) as entry {@code index}. */
    private static String checkLine(MessageDigest sha256, byte[] bytes, int start, int end, long index, byte[] previous) {
        int mark = end - 2 - HASH_HEX - HASH_MARK.length;
        if (mark < start + SEQ_PREFIX.length || bytes[end - 2] != '"' || bytes[end - 1] != '}'
                || !Arrays.equals(bytes, mark, mark + HASH_MARK.length, HASH_MARK, 0, HASH_MARK.length)
                || !Arrays.equals(bytes, start, start + SEQ_PREFIX.length, SEQ_PREFIX, 0, SEQ_PREFIX.length)) {
            return "the entry cannot be read";
        }
        long seq = 0;
        int digits = start + SEQ_PREFIX.length;
        int i = digits;
        for (; i < mark && i < digits + 18 && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            seq = seq * 10 + (bytes[i] - '0');
        }
        if (i == digits || bytes[i] != ',') {
            return "the entry cannot be read";
        }
        if (seq != index) {
            return "its sequence number is " + seq + ", expected " + index;
        }
        sha256.reset();
        sha256.update(previous);
        sha256.update(bytes, start, mark - start);
        sha256.update((byte) '}');
        if (!isHexOf(sha256.digest(), bytes, end - 2 - HASH_HEX)) {
            return "its hash does not match its content and the entry before (altered, removed, inserted or reordered)";
        }
        return null;
    }

    /**
     * Whether {@code text} holds, from {@code from}, the lower-case hex form of {@code digest}, as
     * {@link HexFormat#formatHex} writes it: compared in place, without making the text of every digest.
     */
    private static boolean isHexOf(byte[] digest, byte[] text, int from) {
        for (int i = 0; i < digest.length; i++) {
            if (text[from + 2 * i] != HEX_DIGITS[(digest[i] >> 4) & 0xf] || text[from + 2 * i + 1] != HEX_DIGITS[digest[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /** Checks exported JSON Lines, as {@link AuditTrail#export} writes them, against a remembered head. */
    public static AuditVerification verifyLines(Iterator<String> lines, AuditHead remembered) {
        return verify(entriesOf(lines), remembered);
    }

    /** Exported lines read back as entries; a line not in the written form becomes an entry that cannot check out. */
    static Iterator<AuditEntry> entriesOf(Iterator<String> lines) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public AuditEntry next() {
                return parseLine(lines.next());
            }
        };
    }

    /** An exported line taken apart; a line that is not in the written form gives an entry that cannot check out. */
    static AuditEntry parseLine(String line) {
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
