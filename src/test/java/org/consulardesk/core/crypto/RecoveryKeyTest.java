package org.consulardesk.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecoveryKeyTest {
    private static final String GROUP = "[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}";
    private static final String CANONICAL = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Test
    void generatedKeyHasEightGroupsOfCrockfordBase32() {
        RecoveryKey key = RecoveryKey.generate();
        assertThat(key.groups()).hasSize(RecoveryKey.GROUPS).allMatch(g -> g.matches(GROUP));
        assertThat(key.formatted()).matches("(" + GROUP + "-){7}" + GROUP);
        assertThat(key.secret()).hasSize(32);
        assertThat(key.toString()).doesNotContain(key.groups().get(0)).contains("hidden");
    }

    @Test
    void generatedKeysDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertThat(seen.add(RecoveryKey.generate().formatted())).isTrue();
        }
    }

    @Test
    void formattedParsesBack() {
        RecoveryKey key = RecoveryKey.generate();
        assertThat(RecoveryKey.parse(key.formatted()).secret()).isEqualTo(key.secret());
        assertThat(RecoveryKey.parse(key.formatted()).formatted()).isEqualTo(key.formatted());
    }

    @Test
    void lowerCaseAndSpacesAreAccepted() {
        RecoveryKey key = RecoveryKey.generate();
        String typed = "  " + String.join(" ", key.groups()).toLowerCase(Locale.ROOT) + "\t";
        assertThat(RecoveryKey.parse(typed).secret()).isEqualTo(key.secret());
        String noSeparators = new String(key.secret()).toLowerCase(Locale.ROOT);
        assertThat(RecoveryKey.parse(noSeparators).secret()).isEqualTo(key.secret());
    }

    @Test
    void confusableLettersReadAsDigits() {
        RecoveryKey expected = RecoveryKey.parse(CANONICAL);
        assertThat(new String(expected.secret())).isEqualTo(CANONICAL);
        assertThat(RecoveryKey.parse("O123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ").secret()).isEqualTo(expected.secret());
        assertThat(RecoveryKey.parse("o123 4567 89ab cdef ghjk mnpq rstv wxyz").secret()).isEqualTo(expected.secret());
        assertThat(RecoveryKey.parse("0I23-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ").secret()).isEqualTo(expected.secret());
        assertThat(RecoveryKey.parse("0L23-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ").secret()).isEqualTo(expected.secret());
        assertThat(RecoveryKey.parse("0l23-4567-89ab-cdef-ghjk-mnpq-rstv-wxyz").secret()).isEqualTo(expected.secret());
        assertThat(RecoveryKey.parse("0i23-4567-89ab-cdef-ghjk-mnpq-rstv-wxyz").secret()).isEqualTo(expected.secret());
    }

    @Test
    void wrongLengthIsRejected() {
        assertThatThrownBy(() -> RecoveryKey.parse(CANONICAL.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecoveryKey.parse(CANONICAL + "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecoveryKey.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecoveryKey.parse("   ---   ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void charactersOutsideTheAlphabetAreRejected() {
        assertThatThrownBy(() -> RecoveryKey.parse("U123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecoveryKey.parse("*123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecoveryKey.parse("\u00c9123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecoveryKey.parse("0123_4567_89AB_CDEF_GHJK_MNPQ_RSTV_WXYZ"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normaliseFoldsCaseSeparatorsAndConfusables() {
        assertThat(RecoveryKey.normalise(" ab-cd\nOIL ")).isEqualTo("ABCD011");
    }
}
