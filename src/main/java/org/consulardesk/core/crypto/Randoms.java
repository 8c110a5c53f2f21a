package org.consulardesk.core.crypto;

import java.security.SecureRandom;

/** One strong random source for keys, salts and nonces. */
public final class Randoms {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Randoms() {
    }

    public static byte[] bytes(int count) {
        byte[] out = new byte[count];
        RANDOM.nextBytes(out);
        return out;
    }

    public static int nextInt(int bound) {
        return RANDOM.nextInt(bound);
    }
}
