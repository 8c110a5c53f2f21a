package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.consulardesk.store.DuplicateKeys;
import org.junit.jupiter.api.Test;

/** The blocking key written on registration and by the V19 backfill normalises names as search does. */
class DuplicateKeysTest {
    @Test
    void blockingKeyIsBirthDateAndTheSoundOfTheFirstFamilyWordNormalisedAsInSearch() {
        for (String family : List.of("García López", "Ødegård", "Иванова", "محمد", "Nguyễn Văn", "O'Brien-Smith", "  Müller ",
                "Ng", "12", "Łukasiewicz", "ΠΑΠΑΔΟΠΟΥΛΟΣ")) {
            String first = NameKeys.normalise(family).split(" ")[0];
            String sound = NameKeys.phonetic(first);
            String expected = ("1984-07-12|" + (sound == null ? first : sound));
            assertThat(DuplicateService.blockingKey(family, "1984-07-12"))
                    .isEqualTo(expected.length() > 40 ? expected.substring(0, 40) : expected);
        }
        assertThat(DuplicateKeys.of("Garcia", "1984-07")).isEqualTo("-");
        assertThat(DuplicateKeys.of("Garcia", null)).isEqualTo("-");
        assertThat(DuplicateKeys.of("  ", "1984-07-12")).isEqualTo("-");
        assertThat(DuplicateKeys.of("Mohamed", "1984-07-12")).isEqualTo(DuplicateKeys.of("Muhammad", "1984-07-12"));
    }
}
