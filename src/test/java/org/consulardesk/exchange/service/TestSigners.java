package org.consulardesk.exchange.service;

import java.security.KeyPair;

/** A throw-away Ed25519 signer for tests of the writer and reader. */
final class TestSigners {
    private TestSigners() {
    }

    static Signer fresh() {
        KeyPair pair = PostKeys.generate();
        byte[] pub = pair.getPublic().getEncoded();
        return new Signer() {
            @Override
            public byte[] publicKey() {
                return pub.clone();
            }

            @Override
            public String fingerprint() {
                return PostKeys.fingerprint(pub);
            }

            @Override
            public byte[] sign(byte[] data) {
                return PostKeys.sign(pair.getPrivate(), data);
            }
        };
    }
}
