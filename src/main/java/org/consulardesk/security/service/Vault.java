package org.consulardesk.security.service;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.consulardesk.core.crypto.Aead;
import org.consulardesk.core.crypto.Argon2Kdf;
import org.consulardesk.core.crypto.Hashes;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.core.crypto.Randoms;
import org.consulardesk.core.crypto.RecoveryKey;
import org.consulardesk.security.store.KeyFile;
import org.consulardesk.security.store.WrappedKey;

/**
 * The key hierarchy. A random 256-bit data key encrypts the database; it is wrapped (AES-256-GCM)
 * under a key derived with Argon2id from each user's passphrase, and once under the recovery key.
 * Changing a passphrase rewraps one entry; the database is never re-encrypted.
 */
public final class Vault {
    public static final int DATA_KEY_BYTES = 32;
    static final String RECOVERY_HOLDER = "recovery";

    private Vault() {
    }

    /** A new key file for a new registry, with its first user and a fresh recovery key. */
    public static NewKeys create(String username, char[] passphrase, KdfParams params) {
        byte[] dataKey = Randoms.bytes(DATA_KEY_BYTES);
        String registryId = UUID.randomUUID().toString();
        byte[] holderSalt = Randoms.bytes(16);
        RecoveryKey recoveryKey = RecoveryKey.generate();
        WrappedKey recovery = wrap(registryId, RECOVERY_HOLDER, dataKey, recoveryKey.secret(), params);
        KeyFile empty = new KeyFile(registryId, holderSalt, Map.of(), recovery, java.util.Set.of());
        KeyFile keys = withUser(empty, dataKey, username, passphrase, params);
        return new NewKeys(keys, dataKey, recoveryKey);
    }

    public record NewKeys(KeyFile keyFile, byte[] dataKey, RecoveryKey recoveryKey) {
    }

    /** The key file with {@code username}'s entry added or replaced. */
    public static KeyFile withUser(KeyFile keys, byte[] dataKey, String username, char[] passphrase, KdfParams params) {
        return keys.withUser(wrap(keys.registryId(), holderId(keys, username), dataKey, passphrase, params));
    }

    /** The key file without {@code username}'s wrapped key: a disabled account can no longer open the registry. */
    public static KeyFile revoke(KeyFile keys, String username) {
        return keys.revoke(holderId(keys, username));
    }

    public static boolean isRevoked(KeyFile keys, String username) {
        return keys.isRevoked(holderId(keys, username));
    }

    /** @throws WrongSecret when the user has no entry or the passphrase does not open it */
    public static byte[] unwrapForUser(KeyFile keys, String username, char[] passphrase) {
        java.util.Optional<WrappedKey> entry = keys.user(holderId(keys, username));
        if (entry.isEmpty()) {
            // Same cost as a real attempt, so response time does not tell which user names exist.
            java.util.Arrays.fill(Argon2Kdf.derive(passphrase, keys.holderSalt(), KdfParams.STANDARD), (byte) 0);
            throw new WrongSecret();
        }
        return unwrap(keys.registryId(), entry.get(), passphrase);
    }

    public static byte[] unwrapWithRecovery(KeyFile keys, RecoveryKey recoveryKey) {
        return unwrap(keys.registryId(), keys.recovery(), recoveryKey.secret());
    }

    public static byte[] subKey(byte[] dataKey, String registryId, String purpose) {
        return Hashes.hkdf(dataKey, registryId.getBytes(StandardCharsets.UTF_8), purpose, 32);
    }

    /**
     * User names are stored in the key file only as a keyed hash (the key is a random per-registry
     * salt), so the file does not list the post's staff.
     */
    public static String holderId(KeyFile keys, String username) {
        byte[] mac = Hashes.hmacSha256(keys.holderSalt(), normaliseUsername(username).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, 16);
    }

    public static String normaliseUsername(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static WrappedKey wrap(String registryId, String holderId, byte[] dataKey, char[] secret, KdfParams params) {
        byte[] salt = Randoms.bytes(16);
        byte[] nonce = Randoms.bytes(Aead.NONCE_BYTES);
        byte[] kek = Argon2Kdf.derive(secret, salt, params);
        try {
            byte[] wrapped = Aead.encrypt(kek, nonce, dataKey, associatedData(registryId, holderId));
            return new WrappedKey(holderId, params, salt, nonce, wrapped);
        } finally {
            java.util.Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] unwrap(String registryId, WrappedKey entry, char[] secret) {
        byte[] kek = Argon2Kdf.derive(secret, entry.salt(), entry.kdf());
        try {
            return Aead.decrypt(kek, entry.nonce(), entry.ciphertext(), associatedData(registryId, entry.holderId()));
        } catch (Aead.AuthenticationFailed e) {
            throw new WrongSecret();
        } finally {
            java.util.Arrays.fill(kek, (byte) 0);
        }
    }

    /** Binds each wrapped key to its registry and holder, so entries cannot be swapped between them. */
    private static byte[] associatedData(String registryId, String holderId) {
        return ("consulardesk-key-v1:" + registryId + ":" + holderId).getBytes(StandardCharsets.UTF_8);
    }

    /** The passphrase or recovery key does not open the key; callers turn this into a user message. */
    public static final class WrongSecret extends RuntimeException {
        public WrongSecret() {
            super("wrong passphrase or key");
        }
    }
}
