package org.consulardesk.security.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PassphrasePolicyTest {
    private static final List<String> CONTEXT = List.of("h.ashvale", "Hesper Ashvale", "Embassy of Utopia in Nairobi");

    @ParameterizedTest
    @ValueSource(strings = {"amber falcon orbit velvet 1987", "copper lantern meadow quartz 2042",
            "tidal sorrel pylon marimba 3310"})
    void acceptsLongUnrelatedWords(String passphrase) {
        assertThat(PassphrasePolicy.score(passphrase.toCharArray(), CONTEXT)).isGreaterThanOrEqualTo(PassphrasePolicy.MIN_SCORE);
        assertThatCode(() -> PassphrasePolicy.check(passphrase.toCharArray(), CONTEXT)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "aaaaaaaaaaaaaaaa", "qwertyuiop123", "Hesper Ashvale 1", "h.ashvale1987",
            "Embassy of Utopia in Nairobi", "hesperashvale", "HesperAshvale", "ashvalehesper"})
    void rejectsGuessableOrContextDerivedPassphrases(String passphrase) {
        assertThat(PassphrasePolicy.score(passphrase.toCharArray(), CONTEXT)).isLessThan(PassphrasePolicy.MIN_SCORE);
        assertThat(userError(() -> PassphrasePolicy.check(passphrase.toCharArray(), CONTEXT)).key())
                .isEqualTo("error.passphrase.tooWeak");
    }

    @Test
    void shortPassphrasesAreRefusedWhateverTheirEntropy() {
        char[] shortStrong = "Zq8!vW3#kP".toCharArray();
        assertThat(PassphrasePolicy.score(shortStrong, List.of())).isLessThanOrEqualTo(1);
        assertThat(userError(() -> PassphrasePolicy.check(shortStrong, List.of())).key()).isEqualTo("error.passphrase.tooShort");
        assertThat(PassphrasePolicy.score(new char[0], List.of())).isZero();
    }

    @Test
    void contextIsSplitIntoWords() {
        assertThat(PassphrasePolicy.contextWords(java.util.Arrays.asList("Hesper Ashvale", null, " ", "h.ashvale")))
                .containsExactly("Hesper Ashvale", "Hesper", "Ashvale", "h.ashvale", "ashvale");
    }
}
