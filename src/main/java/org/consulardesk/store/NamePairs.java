package org.consulardesk.store;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The pair keys of ADR 0061: the first two letters of each of a person's name words. Every name
 * word is stored once per pair key of the same person (its own key included), so a search for two
 * typed words walks the persons of one word among those holding a word that starts with the
 * other's first two letters.
 */
public final class NamePairs {
    /** Letters of a pair key; a typed word shorter than this cannot narrow a walk by key. */
    public static final int KEY_LETTERS = 2;

    private NamePairs() {
    }

    /** The pair key of a word (its first two letters), or null for a word of one letter. */
    public static String key(String word) {
        if (word.codePointCount(0, word.length()) < KEY_LETTERS) {
            return null;
        }
        return word.substring(0, word.offsetByCodePoints(0, KEY_LETTERS));
    }

    /** The distinct pair keys of a person's name words, sorted; words of one letter have none. */
    public static Collection<String> keys(Collection<String> tokens) {
        TreeSet<String> keys = new TreeSet<>();
        for (String token : tokens) {
            String key = key(token);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }
}
