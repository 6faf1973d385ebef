package org.enrollment.core.audit.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A public key that checks note signatures (验证公钥), in the signed-note text form
 * {@code <name>+<8 hex key hash>+<base64(type ‖ 32-byte Ed25519 public key)>}: type 0x01 for a log's signature of
 * its checkpoints, 0x04 for a witness's timestamped {@code cosignature/v1}.
 */
public final class VerifierKey {

    /** The signature type of an Ed25519 note signature. */
    public static final byte ED25519 = 0x01;
    /** The signature type of an Ed25519 {@code cosignature/v1} (C2SP tlog-cosignature). */
    public static final byte COSIGNATURE_V1 = 0x04;

    private static final byte[] COSIGNATURE_HEADER = "cosignature/v1\ntime ".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final byte type;
    private final byte[] raw;
    private final PublicKey key;
    private final int keyHash;

    VerifierKey(String name, byte type, byte[] raw) {
        this.name = KeyName.check(name);
        this.type = type;
        this.raw = raw.clone();
        this.key = Ed25519.publicKey(raw);
        if (key == null) {
            throw new IllegalArgumentException("The key of '" + name + "' is not an Ed25519 public key.");
        }
        this.keyHash = KeyName.keyHash(name, type, raw);
    }

    /**
     * Reads a verifier key in its text form.
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting more than the name
     */
    public static VerifierKey of(String text) {
        String[] parts = Objects.requireNonNull(text, "text").strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A verifier key is <name>+<8 hex>+<base64 key>; this one has " + parts.length + " parts.");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The key of '" + parts[0] + "' is not base64.", e);
        }
        if (material.length != 1 + Ed25519.KEY_LENGTH || material[0] != ED25519 && material[0] != COSIGNATURE_V1) {
            throw new IllegalArgumentException("The key of '" + parts[0] + "' is not type 0x01 or 0x04 and 32 bytes of Ed25519.");
        }
        VerifierKey key = new VerifierKey(parts[0], material[0], Arrays.copyOfRange(material, 1, material.length));
        if (key.keyHash != KeyName.parseHex(parts[1])) {
            throw new IllegalArgumentException("The key hash " + parts[1] + " of '" + parts[0] + "' is not the hash of its key.");
        }
        return key;
    }

    /** The key's name: a log's origin, or a witness's name. */
    public String name() {
        return name;
    }

    /** The signature type: {@link #ED25519} or {@link #COSIGNATURE_V1}. */
    public byte type() {
        return type;
    }

    /** Whether this key checks cosignatures. */
    public boolean isCosigner() {
        return type == COSIGNATURE_V1;
    }

    /** The key hash that names the key in a signature line. */
    public int keyHash() {
        return keyHash;
    }

    /** The text form. */
    public String text() {
        byte[] material = new byte[1 + raw.length];
        material[0] = type;
        System.arraycopy(raw, 0, material, 1, raw.length);
        return name + "+" + KeyName.hex(keyHash) + "+" + Base64.getEncoder().encodeToString(material);
    }

    /** Whether this is the key of the signature line (its name and key hash). */
    public boolean names(NoteSignature signature) {
        return signature.name().equals(name) && signature.keyHash() == keyHash;
    }

    /**
     * Whether the signature, made by this key, holds for the note's body: an Ed25519 signature of the body, or for
     * a cosigner an 8-byte big-endian timestamp followed by an Ed25519 signature of
     * {@code "cosignature/v1\ntime <t>\n"} and the body.
     */
    public boolean verifies(String body, NoteSignature signature) {
        if (!names(signature)) {
            return false;
        }
        byte[] bytes = signature.signature();
        byte[] message = body.getBytes(StandardCharsets.UTF_8);
        if (type == ED25519) {
            return Ed25519.verify(key, message, bytes);
        }
        if (bytes.length != 8 + Ed25519.SIGNATURE_LENGTH) {
            return false;
        }
        long time = ByteBuffer.wrap(bytes).getLong();
        return time >= 0 && Ed25519.verify(key, cosignedMessage(time, message), Arrays.copyOfRange(bytes, 8, bytes.length));
    }

    /** The time (POSIX seconds) a cosignature by this key says it was made; the signature must verify. */
    public static long cosignedAt(NoteSignature cosignature) {
        return ByteBuffer.wrap(cosignature.signature()).getLong();
    }

    /** What a {@code cosignature/v1} signs: the header line, the time line, then the checkpoint's body. */
    static byte[] cosignedMessage(long time, byte[] body) {
        byte[] timeLine = (time + "\n").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(COSIGNATURE_HEADER.length + timeLine.length + body.length)
                .put(COSIGNATURE_HEADER).put(timeLine).put(body).array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey k && k.name.equals(name) && k.type == type && Arrays.equals(k.raw, raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
        return text();
    }
}
