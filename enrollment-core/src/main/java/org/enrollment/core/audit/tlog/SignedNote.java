package org.enrollment.core.audit.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A signed note (C2SP signed-note, 签名便笺): a body of newline-terminated lines, a blank line, and one or more
 * signature lines. Keys a reader does not know are ignored; a note is trusted for the keys whose signatures verify.
 *
 * @param body the text, ending with a newline
 * @param signatures the signature lines, in order
 */
public record SignedNote(String body, List<NoteSignature> signatures) {

    /** What starts a signature line: U+2014 EM DASH and a space. */
    static final String DASH = "\u2014 ";
    /** The most signature lines a note may carry. */
    static final int MAX_SIGNATURES = 100;

    /** A note of a non-empty body ending with a newline. */
    public SignedNote {
        Objects.requireNonNull(body, "body");
        if (body.isEmpty() || !body.endsWith("\n") || body.contains("\r")) {
            throw new IllegalArgumentException("A note's body is lines each ending with a newline, with no carriage return.");
        }
        signatures = List.copyOf(signatures);
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("A note carries at most 100 signatures, this one " + signatures.size() + ".");
        }
    }

    /** An unsigned note of this body, to sign. */
    public static SignedNote unsigned(String body) {
        return new SignedNote(body, List.of());
    }

    /**
     * Reads a signed note.
     *
     * @throws IllegalArgumentException saying what is not as the format says
     */
    public static SignedNote parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("A signed note ends with a newline; this one does not.");
        }
        int split = text.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("A signed note has a blank line before its signatures; this one has none.");
        }
        String body = text.substring(0, split + 1);
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : text.substring(split + 2, text.length() - 1).split("\n", -1)) {
            signatures.add(NoteSignature.parse(line));
        }
        return new SignedNote(body, signatures);
    }

    /** The note as text: body, blank line, signature lines. */
    public String text() {
        StringBuilder out = new StringBuilder(body).append('\n');
        signatures.forEach(s -> out.append(s.line()).append('\n'));
        return out.toString();
    }

    /** This note with a signature line added. */
    public SignedNote with(NoteSignature signature) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new SignedNote(body, all);
    }

    /** This note with the key's signature added. */
    public SignedNote signedBy(SigningKey key) {
        return with(key.sign(body));
    }

    /** Whether a signature of this key is on the note and verifies. */
    public boolean verifiedBy(VerifierKey key) {
        return signatures.stream().anyMatch(s -> key.verifies(body, s));
    }

    /** The note with only the signatures made by this key (a log's checkpoint without the cosignatures). */
    public SignedNote onlySignedBy(VerifierKey key) {
        return new SignedNote(body, signatures.stream().filter(key::names).toList());
    }
}
