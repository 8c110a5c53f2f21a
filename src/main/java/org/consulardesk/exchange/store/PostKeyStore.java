package org.consulardesk.exchange.store;

import static org.consulardesk.store.generated.Tables.EXCHANGE_POST_KEY;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.consulardesk.exchange.model.PostKey;
import org.consulardesk.store.Tx;
import org.jooq.Record;

/** Signing keys: this registry's own key pair (private part encrypted) and the posts' public keys. */
public final class PostKeyStore {

    /** The own key's encrypted private part: nonce and ciphertext. */
    public record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    public Optional<PostKey> own(Tx tx) {
        return tx.dsl().selectFrom(EXCHANGE_POST_KEY).where(EXCHANGE_POST_KEY.OWN_KEY.isTrue())
                .and(EXCHANGE_POST_KEY.RETIRED_AT.isNull()).fetchOptional(PostKeyStore::map);
    }

    public Optional<Sealed> ownPrivate(Tx tx) {
        return tx.dsl().select(EXCHANGE_POST_KEY.PRIVATE_NONCE, EXCHANGE_POST_KEY.PRIVATE_KEY).from(EXCHANGE_POST_KEY)
                .where(EXCHANGE_POST_KEY.OWN_KEY.isTrue()).and(EXCHANGE_POST_KEY.RETIRED_AT.isNull())
                .fetchOptional(r -> new Sealed(r.value1(), r.value2()));
    }

    /** The active (not retired) key of a registry. */
    public Optional<PostKey> find(Tx tx, String registryId) {
        return tx.dsl().selectFrom(EXCHANGE_POST_KEY).where(EXCHANGE_POST_KEY.REGISTRY_ID.eq(registryId))
                .and(EXCHANGE_POST_KEY.RETIRED_AT.isNull()).fetchOptional(PostKeyStore::map);
    }

    /** Every key a registry ever had here, newest first (retired ones included). */
    public List<PostKey> history(Tx tx, String registryId) {
        return tx.dsl().selectFrom(EXCHANGE_POST_KEY).where(EXCHANGE_POST_KEY.REGISTRY_ID.eq(registryId))
                .orderBy(EXCHANGE_POST_KEY.ID.desc()).fetch(PostKeyStore::map);
    }

    /** Retires the active key of a registry; returns the number of keys retired (0 or 1). */
    public int retire(Tx tx, String registryId, Instant at, String by) {
        return tx.dsl().update(EXCHANGE_POST_KEY).set(EXCHANGE_POST_KEY.RETIRED_AT, at.atOffset(ZoneOffset.UTC))
                .set(EXCHANGE_POST_KEY.RETIRED_BY, by).set(EXCHANGE_POST_KEY.PRIVATE_KEY, (byte[]) null)
                .set(EXCHANGE_POST_KEY.PRIVATE_NONCE, (byte[]) null)
                .where(EXCHANGE_POST_KEY.REGISTRY_ID.eq(registryId)).and(EXCHANGE_POST_KEY.RETIRED_AT.isNull()).execute();
    }

    public List<PostKey> list(Tx tx) {
        return tx.dsl().selectFrom(EXCHANGE_POST_KEY).orderBy(EXCHANGE_POST_KEY.OWN_KEY.desc(), EXCHANGE_POST_KEY.POST_NAME,
                        EXCHANGE_POST_KEY.ID.desc())
                .fetch(PostKeyStore::map);
    }

    public void insert(Tx tx, PostKey key, Sealed privateKey) {
        tx.dsl().insertInto(EXCHANGE_POST_KEY)
                .set(EXCHANGE_POST_KEY.REGISTRY_ID, key.registryId())
                .set(EXCHANGE_POST_KEY.POST_NAME, key.postName())
                .set(EXCHANGE_POST_KEY.COUNTRY_CODE, key.countryCode())
                .set(EXCHANGE_POST_KEY.PUBLIC_KEY, key.publicKey())
                .set(EXCHANGE_POST_KEY.FINGERPRINT, key.fingerprint())
                .set(EXCHANGE_POST_KEY.OWN_KEY, key.own())
                .set(EXCHANGE_POST_KEY.PRIVATE_KEY, privateKey == null ? null : privateKey.ciphertext())
                .set(EXCHANGE_POST_KEY.PRIVATE_NONCE, privateKey == null ? null : privateKey.nonce())
                .set(EXCHANGE_POST_KEY.REGISTERED_AT, key.registeredAt().atOffset(ZoneOffset.UTC))
                .set(EXCHANGE_POST_KEY.REGISTERED_BY, key.registeredBy())
                .execute();
    }

    private static PostKey map(Record r) {
        Instant at = r.get(EXCHANGE_POST_KEY.REGISTERED_AT).toInstant();
        return new PostKey(r.get(EXCHANGE_POST_KEY.REGISTRY_ID), r.get(EXCHANGE_POST_KEY.POST_NAME),
                r.get(EXCHANGE_POST_KEY.COUNTRY_CODE), r.get(EXCHANGE_POST_KEY.PUBLIC_KEY),
                r.get(EXCHANGE_POST_KEY.FINGERPRINT), r.get(EXCHANGE_POST_KEY.OWN_KEY), at,
                r.get(EXCHANGE_POST_KEY.REGISTERED_BY),
                r.get(EXCHANGE_POST_KEY.RETIRED_AT) == null ? null : r.get(EXCHANGE_POST_KEY.RETIRED_AT).toInstant());
    }
}
