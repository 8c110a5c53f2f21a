package org.consulardesk.exchange.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.consulardesk.core.AtomicFiles;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.Aead;
import org.consulardesk.core.crypto.Randoms;
import org.consulardesk.exchange.model.PostKey;
import org.consulardesk.exchange.model.PublicKeyFile;
import org.consulardesk.exchange.store.PostKeyStore;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryDescriptor;

/**
 * The post's own Ed25519 signing key (created on first use; its private part sealed with AES-GCM under
 * a sub-key of the registry's data key and kept in the encrypted database) and, at headquarters, the
 * posts' public keys, registered only by a user with {@link Permission#MANAGE_POST_KEYS}.
 */
public final class PostKeyService {
    static final String SUBKEY_PURPOSE = "exchange signing key v1";
    public static final String AUDIT_KEY_CREATED = "EXCHANGE_KEY_CREATED";
    public static final String AUDIT_KEY_REGISTERED = "EXCHANGE_POST_KEY_REGISTERED";
    public static final String AUDIT_KEY_RETIRED = "EXCHANGE_POST_KEY_RETIRED";
    public static final String AUDIT_KEY_ROTATED = "EXCHANGE_POST_KEY_ROTATED";

    private final Session session;
    private final PostKeyStore store = new PostKeyStore();

    public PostKeyService(Session session) {
        this.session = session;
    }

    /** This registry's public key, creating the key pair if there is none yet. */
    public PostKey ownKey() {
        requireAnyExport();
        Optional<PostKey> existing = session.database().read(store::own);
        if (existing.isPresent()) {
            return existing.get();
        }
        return session.database().write(tx -> {
            Optional<PostKey> again = store.own(tx);
            if (again.isPresent()) {
                return again.get();
            }
            KeyPair pair = PostKeys.generate();
            byte[] publicKey = pair.getPublic().getEncoded();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] nonce = Randoms.bytes(Aead.NONCE_BYTES);
            byte[] sub = session.subKey(SUBKEY_PURPOSE);
            byte[] sealed;
            try {
                sealed = Aead.encrypt(sub, nonce, pkcs8, aad());
            } finally {
                Arrays.fill(sub, (byte) 0);
                Arrays.fill(pkcs8, (byte) 0);
            }
            RegistryDescriptor d = session.descriptor();
            PostKey key = new PostKey(d.registryId(), d.postName(), d.countryCode(), publicKey,
                    PostKeys.fingerprint(publicKey), true, session.now(), session.user().username());
            store.insert(tx, key, new PostKeyStore.Sealed(nonce, sealed));
            session.audit().record(tx, AuditEvent.of(AUDIT_KEY_CREATED).withDetail("fingerprint " + key.fingerprint()));
            return key;
        });
    }

    /** A signer with the own key, for one export; the private key is unsealed here and not kept. */
    Signer signer() {
        PostKey own = ownKey();
        PostKeyStore.Sealed sealed = session.database().read(store::ownPrivate).orElseThrow();
        byte[] sub = session.subKey(SUBKEY_PURPOSE);
        byte[] pkcs8 = null;
        PrivateKey privateKey;
        try {
            pkcs8 = Aead.decrypt(sub, sealed.nonce(), sealed.ciphertext(), aad());
            privateKey = PostKeys.privateKey(pkcs8);
        } catch (GeneralSecurityException | Aead.AuthenticationFailed e) {
            throw new UserError(e, "error.exchange.keyUnreadable");
        } finally {
            Arrays.fill(sub, (byte) 0);
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
        return new Signer() {
            @Override
            public byte[] publicKey() {
                return own.publicKey();
            }

            @Override
            public String fingerprint() {
                return own.fingerprint();
            }

            @Override
            public byte[] sign(byte[] data) {
                return PostKeys.sign(privateKey, data);
            }
        };
    }

    /** The known key of a post (or this registry's own), if any. */
    public Optional<PostKey> find(String registryId) {
        session.require(Permission.IMPORT_EXCHANGE);
        return session.database().read(tx -> store.find(tx, registryId));
    }

    public List<PostKey> list() {
        if (!session.can(Permission.IMPORT_EXCHANGE)) {
            session.require(Permission.MANAGE_POST_KEYS);
        }
        return session.database().read(store::list);
    }

    /**
     * Registers a post's public key after the user compared its fingerprint with the post (by phone or
     * in person). Refused if the registry id already has a different key.
     */
    public PostKey register(String registryId, String postName, String countryCode, byte[] publicKey) {
        session.require(Permission.MANAGE_POST_KEYS);
        try {
            PostKeys.publicKey(publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UserError("error.exchange.badPublicKey");
        }
        String fingerprint = PostKeys.fingerprint(publicKey);
        return session.database().write(tx -> {
            Optional<PostKey> existing = store.find(tx, registryId);
            if (existing.isPresent()) {
                if (Arrays.equals(existing.get().publicKey(), publicKey)) {
                    return existing.get();
                }
                throw new UserError("error.exchange.keyConflict", existing.get().postName(), existing.get().fingerprint());
            }
            PostKey key = new PostKey(registryId, postName, countryCode, publicKey, fingerprint, false, session.now(),
                    session.user().username());
            store.insert(tx, key, null);
            session.audit().record(tx, AuditEvent.on(AUDIT_KEY_REGISTERED, "post_key", registryId)
                    .withDetail("fingerprint " + fingerprint));
            return key;
        });
    }

    /**
     * Retires the active key of a post (for example a lost or compromised laptop): workbooks signed by
     * it are refused from now on with a clear message; what was imported before stays. Retiring this
     * registry's own key makes the next export create a new one ({@link #rotateOwn()}).
     */
    public PostKey retire(String registryId) {
        session.require(Permission.MANAGE_POST_KEYS);
        return session.database().write(tx -> {
            PostKey active = store.find(tx, registryId).orElseThrow(() -> new UserError("error.exchange.noActiveKey"));
            store.retire(tx, registryId, session.now(), session.user().username());
            session.audit().record(tx, AuditEvent.on(AUDIT_KEY_RETIRED, "post_key", registryId)
                    .withDetail("fingerprint " + active.fingerprint()));
            return active;
        });
    }

    /**
     * Registers a post's new (rotated) public key in place of its active one, in one transaction: the
     * old key is retired (its imports stay), new exports verify with the new key. The user compared the
     * new fingerprint with the post first, as for a first registration.
     */
    public PostKey rotate(String registryId, String postName, String countryCode, byte[] publicKey) {
        session.require(Permission.MANAGE_POST_KEYS);
        try {
            PostKeys.publicKey(publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UserError("error.exchange.badPublicKey");
        }
        String fingerprint = PostKeys.fingerprint(publicKey);
        return session.database().write(tx -> {
            if (store.history(tx, registryId).stream().anyMatch(k -> k.retired() && Arrays.equals(k.publicKey(), publicKey))) {
                throw new UserError("error.exchange.keyWasRetired", fingerprint);
            }
            Optional<PostKey> active = store.find(tx, registryId);
            if (active.isPresent() && Arrays.equals(active.get().publicKey(), publicKey)) {
                return active.get();
            }
            store.retire(tx, registryId, session.now(), session.user().username());
            PostKey key = new PostKey(registryId, postName, countryCode, publicKey, fingerprint, false, session.now(),
                    session.user().username());
            store.insert(tx, key, null);
            session.audit().record(tx, AuditEvent.on(AUDIT_KEY_ROTATED, "post_key", registryId).withDetail(
                    active.map(k -> "fingerprint " + k.fingerprint() + " -> ").orElse("fingerprint ") + fingerprint));
            return key;
        });
    }

    /** At a post: retires its own signing key and creates a new one (read its fingerprint out to HQ). */
    public PostKey rotateOwn() {
        session.require(Permission.MANAGE_POST_KEYS);
        String registryId = session.descriptor().registryId();
        session.database().write(tx -> {
            store.own(tx).ifPresent(old -> {
                store.retire(tx, registryId, session.now(), session.user().username());
                session.audit().record(tx, AuditEvent.on(AUDIT_KEY_RETIRED, "post_key", registryId)
                        .withDetail("own key, fingerprint " + old.fingerprint()));
            });
            return null;
        });
        return ownKey();
    }

    /** Longest key file read: a key file is a few lines of text. */
    static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    /**
     * Reads a post's public key from a text file, as {@link #writeOwnPublicKey} or {@code post-key
     * rotate-own} write it: comment lines ({@code #}) and the fingerprint line are skipped; exactly
     * one line must be the base64 of an Ed25519 public key. Nothing is registered.
     */
    public PublicKeyFile readPublicKeyFile(Path file) {
        session.require(Permission.MANAGE_POST_KEYS);
        String text;
        try {
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw new UserError("error.exchange.keyFile", file.getFileName());
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserError(e, "error.exchange.keyFile", file.getFileName());
        }
        byte[] found = null;
        for (String line : text.split("\\R")) {
            String candidate = line.strip();
            if (candidate.isEmpty() || candidate.startsWith("#") || candidate.contains(" ")) {
                continue;
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(candidate);
                PostKeys.publicKey(key);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                continue;
            }
            if (found != null && !Arrays.equals(found, key)) {
                throw new UserError("error.exchange.keyFile", file.getFileName());
            }
            found = key;
        }
        if (found == null) {
            throw new UserError("error.exchange.keyFile", file.getFileName());
        }
        return new PublicKeyFile(found, PostKeys.fingerprint(found));
    }

    /** Writes this registry's public key (never the private part) as a text file for headquarters. */
    public PostKey writeOwnPublicKey(Path file) {
        PostKey own = ownKey();
        String text = "# ConsularDesk post signing key (public part only)\n# Post: " + own.postName()
                + "\n# Fingerprint: " + own.fingerprint() + "\n" + Base64.getEncoder().encodeToString(own.publicKey()) + "\n";
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError(e, "error.exchange.keyFileWrite", file.getFileName());
        }
        return own;
    }

    /** Every key a post had here, newest first (retired ones included). */
    public List<PostKey> history(String registryId) {
        session.require(Permission.IMPORT_EXCHANGE);
        return session.database().read(tx -> store.history(tx, registryId));
    }

    /** True if this fingerprint belongs to a retired key of the registry (the import explains the refusal). */
    public boolean isRetired(String registryId, String fingerprint) {
        return session.database().read(tx -> retired(tx, registryId, fingerprint));
    }

    static boolean retired(org.consulardesk.store.Tx tx, String registryId, String fingerprint) {
        return new PostKeyStore().history(tx, registryId).stream()
                .anyMatch(k -> k.retired() && PostKeys.sameFingerprint(k.fingerprint(), fingerprint));
    }

    private byte[] aad() {
        return ("consulardesk-exchange-key-v1:" + session.descriptor().registryId()).getBytes(StandardCharsets.UTF_8);
    }

    private void requireAnyExport() {
        if (!session.can(Permission.EXPORT_AGGREGATE) && !session.can(Permission.EXPORT_PERSONAL_DATA)) {
            session.require(Permission.EXPORT_AGGREGATE);
        }
    }
}
