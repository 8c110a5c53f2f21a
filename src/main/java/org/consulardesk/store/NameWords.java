package org.consulardesk.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What each name-word row carries besides its word so that a search checks every typed word on
 * the index entry it is reading (ADR 0060): all the person's name words, sorted, each between
 * spaces (" ana garcia lopez "), and the word just before this one in that order.
 */
public final class NameWords {
    public static final int MAX_LENGTH = 1000;

    private NameWords() {
    }

    /** " a b c ": sorted, space before and after each word, at most {@link #MAX_LENGTH} characters. */
    public static String of(Collection<String> tokens) {
        StringBuilder words = new StringBuilder(" ");
        for (String token : new TreeSet<>(tokens)) {
            if (words.length() + token.length() + 1 > MAX_LENGTH) {
                break; // a thousand characters of names: the words beyond still drive a search themselves
            }
            words.append(token).append(' ');
        }
        return words.toString();
    }

    /**
     * Each word's predecessor in sorted order ("" for the first). The words starting with a typed
     * prefix are consecutive in that order, so exactly one of them (the first) has a predecessor
     * that does not start with the prefix: the row that lists the person once.
     */
    public static Map<String, String> previous(Collection<String> tokens) {
        Map<String, String> previous = new HashMap<>();
        String before = "";
        for (String token : new TreeSet<>(tokens)) {
            previous.put(token, before);
            before = token;
        }
        return previous;
    }
}
