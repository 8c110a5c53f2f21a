package org.consulardesk.exchange.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.Aead;
import org.consulardesk.core.crypto.Randoms;
import org.consulardesk.exchange.model.PostKey;
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

    private byte[] aad() {
        return ("consulardesk-exchange-key-v1:" + session.descriptor().registryId()).getBytes(StandardCharsets.UTF_8);
    }

    private void requireAnyExport() {
        if (!session.can(Permission.EXPORT_AGGREGATE) && !session.can(Permission.EXPORT_PERSONAL_DATA)) {
            session.require(Permission.EXPORT_AGGREGATE);
        }
    }
}
