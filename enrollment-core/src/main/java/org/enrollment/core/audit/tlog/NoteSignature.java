package org.enrollment.core.audit.tlog;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a signed note (签名行): {@code — <key name> base64(4-byte key hash ‖ signature)}.
 *
 * @param name the key's name
 * @param keyHash the key's hash, naming which key of that name
 * @param signature the signature bytes (for a cosignature, the timestamp and the Ed25519 signature)
 */
public record NoteSignature(String name, int keyHash, byte[] signature) {

    /** A signature line's parts. */
    public NoteSignature {
        KeyName.check(name);
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The line, without its newline. */
    public String line() {
        byte[] blob = new byte[4 + signature.length];
        blob[0] = (byte) (keyHash >>> 24);
        blob[1] = (byte) (keyHash >>> 16);
        blob[2] = (byte) (keyHash >>> 8);
        blob[3] = (byte) keyHash;
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return SignedNote.DASH + name + " " + Base64.getEncoder().encodeToString(blob);
    }

    /**
     * Reads a signature line (without its newline).
     *
     * @throws IllegalArgumentException when the line is not one
     */
    static NoteSignature parse(String line) {
        if (!line.startsWith(SignedNote.DASH)) {
            throw new IllegalArgumentException("A signature line starts with '— ': " + abbreviated(line));
        }
        String rest = line.substring(SignedNote.DASH.length());
        int space = rest.indexOf(' ');
        byte[] blob;
        try {
            blob = space < 0 ? new byte[0] : Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The signature is not base64: " + abbreviated(line), e);
        }
        if (blob.length < 5) {
            throw new IllegalArgumentException("A signature line is a name, a space and base64 of a key hash and a signature: "
                    + abbreviated(line));
        }
        return new NoteSignature(rest.substring(0, space), KeyName.firstFour(blob, 0), Arrays.copyOfRange(blob, 4, blob.length));
    }

    private static String abbreviated(String line) {
        return "'" + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature s && s.name.equals(name) && s.keyHash == keyHash && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyHash, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return line();
    }
}
