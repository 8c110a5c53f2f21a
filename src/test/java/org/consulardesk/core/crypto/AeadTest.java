package org.consulardesk.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AeadTest {
    private final byte[] key = Randoms.bytes(32);
    private final byte[] nonce = Randoms.bytes(Aead.NONCE_BYTES);
    private final byte[] aad = "consulardesk-key-v1:test".getBytes(StandardCharsets.UTF_8);
    private final byte[] plain = "synthetic data key of Utopia".getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTrips() {
        byte[] sealed = Aead.encrypt(key, nonce, plain, aad);
        assertThat(sealed).hasSize(plain.length + 16).isNotEqualTo(plain);
        assertThat(Aead.decrypt(key, nonce, sealed, aad)).isEqualTo(plain);
    }

    @Test
    void emptyPlaintextStillAuthenticated() {
        byte[] sealed = Aead.encrypt(key, nonce, new byte[0], aad);
        assertThat(Aead.decrypt(key, nonce, sealed, aad)).isEmpty();
        assertThatThrownBy(() -> Aead.decrypt(key, nonce, sealed, new byte[0]))
                .isInstanceOf(Aead.AuthenticationFailed.class);
    }

    @Test
    void everyFlippedBitIsDetected() {
        byte[] sealed = Aead.encrypt(key, nonce, plain, aad);
        for (int i = 0; i < sealed.length * 8; i++) {
            byte[] tampered = sealed.clone();
            tampered[i / 8] ^= (byte) (1 << (i % 8));
            assertThatThrownBy(() -> Aead.decrypt(key, nonce, tampered, aad))
                    .isInstanceOf(Aead.AuthenticationFailed.class);
        }
    }

    @Test
    void truncatedCiphertextIsDetected() {
        byte[] sealed = Aead.encrypt(key, nonce, plain, aad);
        byte[] cut = java.util.Arrays.copyOf(sealed, sealed.length - 1);
        assertThatThrownBy(() -> Aead.decrypt(key, nonce, cut, aad)).isInstanceOf(Aead.AuthenticationFailed.class);
    }

    @Test
    void wrongKeyFails() {
        byte[] sealed = Aead.encrypt(key, nonce, plain, aad);
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        assertThatThrownBy(() -> Aead.decrypt(otherKey, nonce, sealed, aad))
                .isInstanceOf(Aead.AuthenticationFailed.class)
                .hasMessage("authentication failed");
    }

    @Test
    void wrongNonceFails() {
        byte[] sealed = Aead.encrypt(key, nonce, plain, aad);
        byte[] otherNonce = nonce.clone();
        otherNonce[11] ^= 1;
        assertThatThrownBy(() -> Aead.decrypt(key, otherNonce, sealed, aad))
                .isInstanceOf(Aead.AuthenticationFailed.class);
    }

    @Test
    void wrongAssociatedDataFails() {
        byte[] sealed = Aead.encrypt(key, nonce, plain, aad);
        byte[] otherAad = "consulardesk-key-v1:other".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Aead.decrypt(key, nonce, sealed, otherAad))
                .isInstanceOf(Aead.AuthenticationFailed.class);
    }

    @Test
    void freshNoncesGiveDifferentCiphertexts() {
        byte[] a = Aead.encrypt(key, Randoms.bytes(Aead.NONCE_BYTES), plain, aad);
        byte[] b = Aead.encrypt(key, Randoms.bytes(Aead.NONCE_BYTES), plain, aad);
        assertThat(a).isNotEqualTo(b);
    }
}
