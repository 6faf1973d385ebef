package org.enrollment.core.audit;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enrollment.core.child.MaskedText;

/**
 * What a host remembers of the audit log to check it later (审计日志头): how many entries it had and the last
 * hash. Checked against it, the log shows any entry altered, removed, inserted, reordered or cut off.
 *
 * <p>A host keeps it outside the store, where whoever can write the database cannot, as the one line
 * {@link #format()} gives, and reads it back with {@link #parse(String)}:
 *
 * <pre>{@code
 * Files.writeString(headFile, registry.audit().head().format());
 * AuditVerification check = registry.audit().verify(AuditHead.parse(Files.readString(headFile)));
 * }</pre>
 *
 * @param count the number of entries
 * @param lastHash the hash of the last entry (64 lower-case hex digits), or the genesis hash when there are none
 */
public record AuditHead(long count, String lastHash) {

    private static final Pattern LINE = Pattern.compile("audit-head (\\d{1,18}) ([0-9a-f]{64})");

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

    /** The head as one line of text to keep: {@code audit-head COUNT HASH}. */
    public String format() {
        return "audit-head " + count + " " + lastHash;
    }

    /**
     * The head {@link #format()} wrote; surrounding white space (a final newline) is ignored.
     *
     * @throws IllegalArgumentException naming the text when it is not such a line
     */
    public static AuditHead parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = LINE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not an audit head: '" + shorten(text.strip())
                    + "'.\nMaybe give the line AuditHead.format() wrote: audit-head COUNT HASH.");
        }
        return new AuditHead(Long.parseLong(m.group(1)), m.group(2));
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** The record's usual form, resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
