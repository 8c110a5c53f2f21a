package org.consulardesk.exchange.model;

import java.time.Instant;

/**
 * A post's public signing key as known to this registry: its own key, or a post's key registered at
 * headquarters after comparing the fingerprint with the post. A retired key
 * ({@code retiredAt} set) no longer verifies new imports.
 */
public record PostKey(String registryId, String postName, String countryCode, byte[] publicKey, String fingerprint,
                      boolean own, Instant registeredAt, String registeredBy, Instant retiredAt) {
    public PostKey {
        publicKey = publicKey.clone();
    }

    /** An active key (not retired). */
    public PostKey(String registryId, String postName, String countryCode, byte[] publicKey, String fingerprint,
                   boolean own, Instant registeredAt, String registeredBy) {
        this(registryId, postName, countryCode, publicKey, fingerprint, own, registeredAt, registeredBy, null);
    }

    public boolean retired() {
        return retiredAt != null;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
