package org.consulardesk.exchange.model;

/** A post's public key read from a file, with its fingerprint, before anyone registers it. */
public record PublicKeyFile(byte[] publicKey, String fingerprint) {
    public PublicKeyFile {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
