package org.consulardesk.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2KdfTest {
    private static final KdfParams FAST = new KdfParams(1024, 1, 1);
    private static final char[] PASSPHRASE = "amber falcon orbit velvet 1987".toCharArray();

    @Test
    void sameSaltSamePassphraseGivesSameKey() {
        byte[] salt = Randoms.bytes(16);
        byte[] a = Argon2Kdf.derive(PASSPHRASE, salt, FAST);
        byte[] b = Argon2Kdf.derive(PASSPHRASE.clone(), salt.clone(), FAST);
        assertThat(a).hasSize(Argon2Kdf.KEY_BYTES).isEqualTo(b);
    }

    @Test
    void differentSaltGivesDifferentKey() {
        byte[] salt = Randoms.bytes(16);
        byte[] other = salt.clone();
        other[0] ^= 1;
        assertThat(Argon2Kdf.derive(PASSPHRASE, salt, FAST)).isNotEqualTo(Argon2Kdf.derive(PASSPHRASE, other, FAST));
    }

    @Test
    void differentPassphraseOrParamsGiveDifferentKey() {
        byte[] salt = Randoms.bytes(16);
        byte[] base = Argon2Kdf.derive(PASSPHRASE, salt, FAST);
        assertThat(Argon2Kdf.derive("amber falcon orbit velvet 1988".toCharArray(), salt, FAST)).isNotEqualTo(base);
        assertThat(Argon2Kdf.derive(PASSPHRASE, salt, new KdfParams(1024, 2, 1))).isNotEqualTo(base);
        assertThat(Argon2Kdf.derive(PASSPHRASE, salt, new KdfParams(2048, 1, 1))).isNotEqualTo(base);
    }

    @Test
    void passphraseArrayIsNotModified() {
        char[] input = PASSPHRASE.clone();
        Argon2Kdf.derive(input, Randoms.bytes(16), FAST);
        assertThat(input).isEqualTo(PASSPHRASE);
    }

    @Test
    void composedAndDecomposedAccentsDeriveTheSameKey() {
        byte[] salt = Randoms.bytes(16);
        char[] composed = "caf\u00e9 orbit velvet amber".toCharArray();
        char[] decomposed = "cafe\u0301 orbit velvet amber".toCharArray();
        assertThat(Argon2Kdf.derive(composed, salt, FAST)).isEqualTo(Argon2Kdf.derive(decomposed, salt, FAST));
    }
}
