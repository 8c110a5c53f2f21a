package org.consulardesk.exchange.service;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.consulardesk.core.crypto.Hashes;

/** Ed25519 keys from the JDK: generation, encoding, signing, verification and fingerprints. */
public final class PostKeys {
    private static final String ALGORITHM = "Ed25519";

    private PostKeys() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** @throws GeneralSecurityException if the bytes are not an Ed25519 public key */
    public static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public static boolean verify(byte[] publicKey, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey(publicKey));
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The first 20 bytes of SHA-256 of the encoded public key, as ten groups of four hex digits:
     * short enough to read out over the phone when HQ registers a post's key.
     */
    public static String fingerprint(byte[] publicKey) {
        String hex = HexFormat.of().withUpperCase().formatHex(Hashes.sha256().digest(publicKey));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 40; i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(hex, i, i + 4);
        }
        return out.toString();
    }

    /** Fingerprints compare without spaces and case, so a typed one matches a printed one. */
    public static boolean sameFingerprint(String a, String b) {
        return a != null && b != null && a.replaceAll("[\\s:]", "").equalsIgnoreCase(b.replaceAll("[\\s:]", ""));
    }
}
