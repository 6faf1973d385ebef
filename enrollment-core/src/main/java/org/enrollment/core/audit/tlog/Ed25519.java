package org.enrollment.core.audit.tlog;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/** The JDK's own Ed25519 (RFC 8032), with keys as the 32 raw bytes signed notes carry. */
final class Ed25519 {

    /** The length of a seed, a raw public key. */
    static final int KEY_LENGTH = 32;
    /** The length of a signature. */
    static final int SIGNATURE_LENGTH = 64;

    /** The X.509 SubjectPublicKeyInfo of an Ed25519 key, before its 32 raw bytes (RFC 8410). */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519() {
    }

    /** The key pair whose private key is this 32-byte seed. */
    static KeyPair fromSeed(byte[] seed) {
        if (seed.length != KEY_LENGTH) {
            throw new IllegalArgumentException("An Ed25519 seed has 32 bytes, this one has " + seed.length + ".");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no Ed25519, which Java 15 and later have.", e);
        }
    }

    /** A fresh random seed. */
    static byte[] newSeed() {
        byte[] seed = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    /** The 32 raw bytes of a public key. */
    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length);
    }

    /** The public key of these 32 raw bytes, or {@code null} when they are not a point of the curve. */
    static PublicKey publicKey(byte[] raw) {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_LENGTH);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, KEY_LENGTH);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Hands the key pair generator the seed as its "random" private key. */
    private static final class SeedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("The Ed25519 generator asked for " + bytes.length + " bytes, not 32.");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
