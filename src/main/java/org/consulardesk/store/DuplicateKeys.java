package org.consulardesk.store;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The duplicate blocking key of a person (ADR 0040): "1984-07-12|PRKR" for a full date of birth and
 * the Double Metaphone key of the first word of the family name, else "-". Here in the shared store
 * package so that the registry service (on every write) and the upgrade backfill (V19) compute the
 * same key; the name is normalised exactly as the search's {@code NameKeys.normalise} does
 * ({@code DuplicateKeysTest} holds the two together).
 */
public final class DuplicateKeys {
    /** The width of {@code person.dup_key}. */
    public static final int MAX_LENGTH = 40;

    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));
    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);

    private DuplicateKeys() {
    }

    public static String of(String familyName, String birthDate) {
        if (birthDate == null || birthDate.length() != 10 || familyName == null || familyName.isBlank()) {
            return "-";
        }
        String normalised = TO_ASCII.get().transliterate(familyName.strip()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
        if (normalised.isEmpty()) {
            return "-";
        }
        String first = normalised.split(" ")[0];
        String sound = METAPHONE.get().doubleMetaphone(first);
        String key = birthDate + "|" + (sound == null || sound.isEmpty() ? first : sound);
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
    }
}
