package org.enrollment.core.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The names and key hashes of signed-note keys (C2SP signed-note): a name has no space and no {@code +}. */
final class KeyName {

    private KeyName() {
    }

    /**
     * Checks a key name.
     *
     * @throws IllegalArgumentException naming the name when it is empty or holds a space or a {@code +}
     */
    static String check(String name) {
        if (name == null || name.isEmpty() || name.codePoints().anyMatch(c -> c == '+' || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("'" + name + "' is not a key name: it must be non-empty, with no space and no '+'.");
        }
        return name;
    }

    /** The key hash: the first 4 bytes, big-endian, of SHA-256(name ‖ "\n" ‖ type ‖ public key). */
    static int keyHash(String name, byte type, byte[] publicKey) {
        byte[] digest = Hash.sha256((name + "\n").getBytes(StandardCharsets.UTF_8), new byte[] {type}, publicKey);
        return firstFour(digest, 0);
    }

    /** The big-endian 32-bit number at {@code offset} of the bytes. */
    static int firstFour(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | bytes[offset + 3] & 0xff;
    }

    /** The key hash as the 8 lower-case hex digits of the key texts. */
    static String hex(int keyHash) {
        return HexFormat.of().toHexDigits(keyHash);
    }

    /**
     * Reads 8 hex digits of a key text.
     *
     * @throws IllegalArgumentException when they are not 8 hex digits
     */
    static int parseHex(String text) {
        if (text.length() != 8 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + text + "' is not a key hash of 8 hex digits.");
        }
        return (int) Long.parseLong(text, 16);
    }
}
