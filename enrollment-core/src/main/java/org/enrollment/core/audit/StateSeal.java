package org.enrollment.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the state-bearing part of an audit entry ({@link WrittenState}: resident IDs, names) with AES-256-GCM,
 * so that an exported log shows no personal data while whoever holds the child key can replay it into every
 * registration ({@link LogReplay}). The AES key is derived from the child key with HKDF-SHA256 (RFC 5869); the
 * child key's {@linkplain #keyId() id} is recorded with every entry, so that a replay knows which key it needs.
 */
public final class StateSeal {

    private static final byte[] SALT = "enrollment/journal".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "state seal v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD = "enrollment-state-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec aesKey;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();
    /** One cipher per thread, so that neither the provider lookup nor the AES key schedule is repeated per seal. */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(StateSeal::newCipher);

    /**
     * A seal under this child key (the key of the audit log's {@link ChildReference}s).
     *
     * @param childKey at least 16 bytes
     */
    public StateSeal(byte[] childKey) {
        Objects.requireNonNull(childKey, "childKey");
        if (childKey.length < 16) {
            throw new IllegalArgumentException("The child key must have at least 16 bytes, had " + childKey.length + ".");
        }
        this.keyId = keyId(childKey);
        byte[] prk = hmac(SALT, childKey);
        byte[] okm = hmac(prk, concat(INFO, new byte[] {1}));
        this.aesKey = new SecretKeySpec(okm, "AES");
        Arrays.fill(prk, (byte) 0);
    }

    /** The id of a child key: the first 8 bytes of HMAC-SHA256(key, "key-id"), in hex; it reveals nothing of the key. */
    public static String keyId(byte[] childKey) {
        return HexFormat.of().formatHex(hmac(childKey, "key-id".getBytes(StandardCharsets.US_ASCII)), 0, 8);
    }

    /** The id of the child key this seal was made with. */
    public String keyId() {
        return keyId;
    }

    /** The sealed text of a written state: base64 of a random 12-byte nonce and the AES-GCM ciphertext. */
    public String seal(WrittenState state) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD);
            byte[] plain = StateCodec.encode(state);
            byte[] sealed = Arrays.copyOf(nonce, NONCE + cipher.getOutputSize(plain.length));
            int length = NONCE + cipher.doFinal(plain, 0, plain.length, sealed, NONCE);
            return Base64.getEncoder().encodeToString(length == sealed.length ? sealed : Arrays.copyOf(sealed, length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available, which every Java platform must have.", e);
        }
    }

    /** The written state in a sealed text, or empty when it was not sealed under this key or was altered. */
    public Optional<WrittenState> open(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length <= NONCE) {
                return Optional.empty();
            }
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE));
            cipher.updateAAD(AAD);
            return Optional.of(StateCodec.decode(cipher.doFinal(bytes, NONCE, bytes.length - NONCE)));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available, which every Java platform must have.", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available, which every Java platform must have.", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Override
    public String toString() {
        return "StateSeal[key " + keyId + "]";
    }
}
