package org.consulardesk.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KdfParamsTest {

    @Test
    void encodesInAFixedForm() {
        assertThat(new KdfParams(1024, 2, 3).encode()).isEqualTo("argon2id:m=1024,t=2,p=3");
        assertThat(KdfParams.STANDARD.encode()).isEqualTo("argon2id:m=65536,t=3,p=1");
    }

    @Test
    void decodesWhatItEncodes() {
        for (KdfParams p : new KdfParams[] {KdfParams.STANDARD, new KdfParams(8, 1, 1), new KdfParams(1 << 20, 10, 4)}) {
            assertThat(KdfParams.decode(p.encode())).isEqualTo(p);
        }
    }

    @Test
    void decodesInAnyOrder() {
        assertThat(KdfParams.decode("argon2id:p=2,t=4,m=2048")).isEqualTo(new KdfParams(2048, 4, 2));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"scrypt:m=1024,t=1,p=1", "ARGON2ID:m=1024,t=1,p=1", "argon2id:", "argon2id:m=1024,t=1",
            "argon2id:m=1024,t=1,p=1,x=5", "argon2id:m1024,t=1,p=1", "argon2id:m=abc,t=1,p=1",
            "argon2id:m=4,t=1,p=1", "argon2id:m=1024,t=0,p=1", "argon2id:m=1024,t=1,p=-1"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> KdfParams.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRejectsOutOfRange() {
        assertThatThrownBy(() -> new KdfParams(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParams(1024, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParams(1024, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
