package org.consulardesk.registry.service;

import com.ibm.icu.text.Transliterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.consulardesk.registry.model.Registration;

/**
 * Search keys for names: any script transliterated to Latin, accents and case removed
 * ("Ødegård" and "odegard", "Иванов" and "ivanov" meet), split into words.
 */
public final class NameKeys {
    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    private static final ThreadLocal<org.apache.commons.codec.language.DoubleMetaphone> METAPHONE =
            ThreadLocal.withInitial(org.apache.commons.codec.language.DoubleMetaphone::new);

    private NameKeys() {
    }

    /**
     * Loads the transliteration rules now. The first transliterator of a process reads ICU's rule
     * data, about a second on the reference machine (later threads build theirs in 15-30 ms); the
     * application calls this in the background at sign-in, so the first search or duplicates page
     * does not wait for it.
     */
    public static void warmUp() {
        normalise("Ødegård Иванов");
    }

    /** One normalised string: Latin letters and digits, single spaces. */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String latin = TO_ASCII.get().transliterate(text.strip());
        return latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** The normalised "family given" used to sort and to match whole names. */
    public static String searchName(String familyName, String givenNames) {
        return (normalise(familyName) + " " + normalise(givenNames)).strip();
    }

    /** Every distinct word of every name the person goes by, in both scripts and all aliases. */
    public static Set<String> tokens(Registration r) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String name : new String[] {r.familyName(), r.givenNames(), r.familyNameOriginal(), r.givenNamesOriginal()}) {
            addWords(tokens, name);
        }
        r.aliases().forEach(alias -> addWords(tokens, alias));
        return tokens;
    }

    /** A sound-alike key of one normalised word (Double Metaphone), so "Mohamed" meets "Muhammad". */
    public static String phonetic(String token) {
        String key = METAPHONE.get().doubleMetaphone(token);
        return key == null || key.isEmpty() ? null : key;
    }

    private static void addWords(Set<String> tokens, String name) {
        for (String word : normalise(name).split(" ")) {
            if (!word.isEmpty()) {
                tokens.add(word.length() > 80 ? word.substring(0, 80) : word);
            }
        }
    }
}
