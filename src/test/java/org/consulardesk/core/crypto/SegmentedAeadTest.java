package org.consulardesk.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentedAeadTest {
    private static final int MIB = SegmentedAead.SEGMENT_BYTES;
    private static final int PREFIX = 7;
    private static final int TAG = 16;

    private final byte[] key = Randoms.bytes(32);
    private final byte[] header = "CONSULARDESK-BACKUP header of Utopia".getBytes(StandardCharsets.US_ASCII);

    private static byte[] payload(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    private byte[] seal(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentedAead.encrypt(key, header, new ByteArrayInputStream(plain), out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, MIB - 1, MIB, MIB + 1, 2 * MIB, 2 * MIB + 3})
    void roundTrips(int size) throws IOException {
        byte[] plain = payload(size);
        byte[] sealed = seal(plain);
        int segments = Math.max(1, (size + MIB - 1) / MIB);
        assertThat(sealed).hasSize(PREFIX + size + segments * TAG);
        assertThat(SegmentedAead.decryptAll(key, header, sealed)).isEqualTo(plain);
    }

    @Test
    void streamingDecryptMatches() throws IOException {
        byte[] plain = payload(2 * MIB + 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentedAead.decrypt(key, header, new ByteArrayInputStream(seal(plain)), out);
        assertThat(out.toByteArray()).isEqualTo(plain);
    }

    @Test
    void droppingTheLastSegmentFails() throws IOException {
        byte[] sealed = seal(payload(2 * MIB + 3));
        byte[] dropped = Arrays.copyOf(sealed, sealed.length - (3 + TAG));
        assertThat(dropped).hasSize(PREFIX + 2 * (MIB + TAG));
        assertAuthFails(dropped);
    }

    @Test
    void droppingTheLastFullSegmentFails() throws IOException {
        byte[] sealed = seal(payload(2 * MIB));
        byte[] dropped = Arrays.copyOf(sealed, PREFIX + MIB + TAG);
        assertAuthFails(dropped);
    }

    @Test
    void cuttingMidSegmentFails() throws IOException {
        byte[] sealed = seal(payload(2 * MIB + 3));
        assertAuthFails(Arrays.copyOf(sealed, PREFIX + MIB / 2));
        assertAuthFails(Arrays.copyOf(sealed, PREFIX + MIB + TAG + MIB / 2));
        assertAuthFails(Arrays.copyOf(sealed, sealed.length - 1));
        assertAuthFails(Arrays.copyOf(sealed, PREFIX + 5));
        assertAuthFails(Arrays.copyOf(sealed, PREFIX));
        assertAuthFails(Arrays.copyOf(sealed, 3));
        assertAuthFails(new byte[0]);
    }

    @Test
    void emptyPayloadCutFails() throws IOException {
        byte[] sealed = seal(new byte[0]);
        assertThat(sealed).hasSize(PREFIX + TAG);
        assertAuthFails(Arrays.copyOf(sealed, PREFIX));
        assertAuthFails(Arrays.copyOf(sealed, sealed.length - 1));
    }

    @Test
    void appendedBytesFail() throws IOException {
        byte[] sealed = seal(payload(MIB + 10));
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 5);
        assertAuthFails(longer);
        byte[] full = seal(payload(MIB));
        assertAuthFails(Arrays.copyOf(full, full.length + 20));
    }

    @Test
    void swappingSegmentsFails() throws IOException {
        byte[] sealed = seal(payload(2 * MIB + 3));
        int seg = MIB + TAG;
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, PREFIX, swapped, PREFIX + seg, seg);
        System.arraycopy(sealed, PREFIX + seg, swapped, PREFIX, seg);
        assertAuthFails(swapped);
    }

    @Test
    void bitFlipsAnywhereFail() throws IOException {
        byte[] sealed = seal(payload(2 * MIB + 3));
        int[] positions = {0, PREFIX - 1, PREFIX, PREFIX + MIB / 2, PREFIX + MIB + TAG - 1, PREFIX + MIB + TAG + 7,
                sealed.length - TAG, sealed.length - 1};
        for (int position : positions) {
            byte[] flipped = sealed.clone();
            flipped[position] ^= 0x10;
            assertAuthFails(flipped);
        }
    }

    @Test
    void wrongHeaderFails() throws IOException {
        byte[] sealed = seal(payload(1000));
        byte[] otherHeader = header.clone();
        otherHeader[otherHeader.length - 1] ^= 1;
        assertThatThrownBy(() -> SegmentedAead.decryptAll(key, otherHeader, sealed))
                .isInstanceOf(Aead.AuthenticationFailed.class);
        assertThatThrownBy(() -> SegmentedAead.decryptAll(key, new byte[0], sealed))
                .isInstanceOf(Aead.AuthenticationFailed.class);
    }

    @Test
    void wrongKeyFails() throws IOException {
        byte[] sealed = seal(payload(1000));
        assertThatThrownBy(() -> SegmentedAead.decryptAll(Randoms.bytes(32), header, sealed))
                .isInstanceOf(Aead.AuthenticationFailed.class);
    }

    @Test
    void sameInputEncryptsDifferently() throws IOException {
        byte[] plain = payload(500);
        assertThat(seal(plain)).isNotEqualTo(seal(plain));
    }

    private void assertAuthFails(byte[] sealed) {
        assertThatThrownBy(() -> SegmentedAead.decryptAll(key, header, sealed))
                .isInstanceOf(Aead.AuthenticationFailed.class);
    }
}
