package org.enrollment.core.audit.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A private Ed25519 key that signs notes (签名私钥), in the signed-note text form
 * {@code PRIVATE+KEY+<name>+<8 hex key hash>+<base64(0x01 ‖ 32-byte seed)>}, the form Go's {@code note.GenerateKey}
 * writes. A log's key is named after its origin and signs checkpoints; a witness's key signs {@code cosignature/v1}s
 * under the key hash of type 0x04. Its {@code toString} never shows the seed.
 */
public final class SigningKey {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final KeyPair pair;
    private final VerifierKey verifier;
    private final VerifierKey cosigner;

    private SigningKey(String name, byte[] seed) {
        this.name = KeyName.check(name);
        this.seed = seed.clone();
        this.pair = Ed25519.fromSeed(seed);
        byte[] raw = Ed25519.raw(pair.getPublic());
        this.verifier = new VerifierKey(name, VerifierKey.ED25519, raw);
        this.cosigner = new VerifierKey(name, VerifierKey.COSIGNATURE_V1, raw);
    }

    /** A new random key with this name (a log's origin, or a witness's name). */
    public static SigningKey generate(String name) {
        return new SigningKey(name, Ed25519.newSeed());
    }

    /**
     * Reads a private key in its text form.
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the key material
     */
    public static SigningKey of(String text) {
        String stripped = Objects.requireNonNull(text, "text").strip();
        if (!stripped.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A private key starts with PRIVATE+KEY+; this one does not.");
        }
        String[] parts = stripped.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A private key is PRIVATE+KEY+<name>+<8 hex>+<base64 seed>; this one is not.");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The private key of '" + parts[0] + "' is not base64.", e);
        }
        if (material.length != 1 + Ed25519.KEY_LENGTH || material[0] != VerifierKey.ED25519) {
            throw new IllegalArgumentException("The private key of '" + parts[0] + "' is not type 0x01 and a 32-byte Ed25519 seed.");
        }
        SigningKey key = new SigningKey(parts[0], Arrays.copyOfRange(material, 1, material.length));
        if (key.verifier.keyHash() != KeyName.parseHex(parts[1])) {
            throw new IllegalArgumentException("The key hash " + parts[1] + " of '" + parts[0] + "' is not the hash of its key.");
        }
        return key;
    }

    /** The key's name. */
    public String name() {
        return name;
    }

    /** The text form of this private key: keep it secret. */
    public String text() {
        byte[] material = new byte[1 + seed.length];
        material[0] = VerifierKey.ED25519;
        System.arraycopy(seed, 0, material, 1, seed.length);
        return PREFIX + name + "+" + KeyName.hex(verifier.keyHash()) + "+" + Base64.getEncoder().encodeToString(material);
    }

    /** The verifier key (type 0x01) of the note signatures this key makes. */
    public VerifierKey verifierKey() {
        return verifier;
    }

    /** The verifier key (type 0x04) of the cosignatures this key makes as a witness. */
    public VerifierKey cosignerKey() {
        return cosigner;
    }

    /** The note signature of a body (its text, ending with a newline). */
    public NoteSignature sign(String body) {
        return new NoteSignature(name, verifier.keyHash(), Ed25519.sign(pair.getPrivate(), body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The {@code cosignature/v1} of a checkpoint's body at this time.
     *
     * @param time POSIX seconds, not negative
     */
    public NoteSignature cosign(String body, long time) {
        if (time < 0) {
            throw new IllegalArgumentException("A cosignature's time is not negative, was " + time + ".");
        }
        byte[] signature = Ed25519.sign(pair.getPrivate(), VerifierKey.cosignedMessage(time, body.getBytes(StandardCharsets.UTF_8)));
        byte[] timed = ByteBuffer.allocate(8 + signature.length).putLong(time).put(signature).array();
        return new NoteSignature(name, cosigner.keyHash(), timed);
    }

    @Override
    public String toString() {
        return "SigningKey[" + name + "+" + KeyName.hex(verifier.keyHash()) + ", seed hidden]";
    }
}
