package org.enrollment.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.enrollment.core.child.ResidentId;

/**
 * Names a child in the audit log by a keyed hash (HMAC-SHA256, first 16 bytes in hex) of the resident ID,
 * so that the chain never holds raw IDs, while entries about the same child can still be found by whoever
 * holds the key.
 */
public final class ChildReference {

    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    /**
     * A reference maker with this key.
     *
     * @param key at least 16 bytes
     */
    public ChildReference(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 16) {
            throw new IllegalArgumentException("The child reference key must have at least 16 bytes, had " + key.length + ".");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available, which every Java platform must have.", e);
        }
    }

    /** The reference for a child. */
    public String of(ResidentId child) {
        byte[] mac = macs.get().doFinal(child.value().getBytes(StandardCharsets.US_ASCII));
        return HEX.formatHex(mac, 0, 16);
    }
}
