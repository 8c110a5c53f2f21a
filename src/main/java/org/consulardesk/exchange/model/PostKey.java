package org.consulardesk.exchange.model;

import java.time.Instant;

/**
 * A post's public signing key as known to this registry: its own key, or a post's key registered at
 * headquarters after comparing the fingerprint with the post.
 */
public record PostKey(String registryId, String postName, String countryCode, byte[] publicKey, String fingerprint,
                      boolean own, Instant registeredAt, String registeredBy) {
    public PostKey {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
