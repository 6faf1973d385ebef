package org.enrollment.core.audit.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 hash of the Merkle tree (树哈希): of a leaf, SHA-256(0x00 ‖ entry bytes); of an interior node,
 * SHA-256(0x01 ‖ left ‖ right), as RFC 6962 §2.1 says.
 * A value: two hashes of the same bytes are equal.
 */
public final class Hash {

    /** The length of a hash in bytes. */
    public static final int LENGTH = 32;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hash::sha256);

    private final byte[] bytes;

    private Hash(byte[] owned) {
        this.bytes = owned;
    }

    /**
     * The hash of these 32 bytes (copied).
     *
     * @throws IllegalArgumentException when there are not 32 bytes
     */
    public static Hash of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("A tree hash has 32 bytes, this one has " + bytes.length + ".");
        }
        return new Hash(bytes.clone());
    }

    /** The 32 bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static Hash empty() {
        return new Hash(SHA256.get().digest());
    }

    /** The hash of a leaf: SHA-256(0x00 ‖ entry), the entry being a line of the export without its line end. */
    public static Hash leaf(byte[] entry) {
        return leaf(entry, 0, entry.length);
    }

    /** The hash of the leaf whose bytes are {@code entry[from, to)}. */
    public static Hash leaf(byte[] entry, int from, int to) {
        MessageDigest sha = SHA256.get();
        sha.update((byte) 0);
        sha.update(entry, from, to - from);
        return new Hash(sha.digest());
    }

    /** The hash of an interior node: SHA-256(0x01 ‖ left ‖ right). */
    public static Hash node(Hash left, Hash right) {
        MessageDigest sha = SHA256.get();
        sha.update((byte) 1);
        sha.update(left.bytes);
        sha.update(right.bytes);
        return new Hash(sha.digest());
    }

    /**
     * Reads a hash written in standard base64 (RFC 4648 §4).
     *
     * @throws IllegalArgumentException naming the text when it is not the base64 of 32 bytes
     */
    public static Hash ofBase64(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not base64.", e);
        }
        if (decoded.length != LENGTH) {
            throw new IllegalArgumentException("'" + text + "' is not the base64 of a 32-byte hash.");
        }
        return new Hash(decoded);
    }

    /** The hash in standard base64, as checkpoints and proofs write it. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Whether {@code other[offset, offset + 32)} holds this hash. */
    boolean equalsAt(byte[] other, int offset) {
        return Arrays.equals(bytes, 0, LENGTH, other, offset, offset + LENGTH);
    }

    /** Writes the hash at {@code offset} of {@code target}. */
    void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    /** The hash held at {@code offset} of {@code source}. */
    static Hash at(byte[] source, int offset) {
        return new Hash(Arrays.copyOfRange(source, offset, offset + LENGTH));
    }

    /** SHA-256 of the bytes (for key hashes). */
    static byte[] sha256(byte[]... parts) {
        MessageDigest sha = SHA256.get();
        for (byte[] part : parts) {
            sha.update(part);
        }
        return sha.digest();
    }

    /** A new SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256, which every Java platform must have.", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
