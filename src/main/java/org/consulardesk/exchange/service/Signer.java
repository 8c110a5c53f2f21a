package org.consulardesk.exchange.service;

/** Signs workbooks with a post's Ed25519 key; the private key never leaves the implementation. */
public interface Signer {
    /** X.509 (SubjectPublicKeyInfo) encoding of the public key. */
    byte[] publicKey();

    String fingerprint();

    byte[] sign(byte[] data);
}
