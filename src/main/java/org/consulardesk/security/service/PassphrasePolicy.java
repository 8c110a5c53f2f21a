package org.consulardesk.security.service;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import org.consulardesk.core.UserError;

/**
 * How strong a passphrase must be. Strength is estimated with zxcvbn (dictionary, keyboard pattern
 * and date aware), not with character-class rules that push people towards "Passw0rd!".
 */
public final class PassphrasePolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MIN_SCORE = 3;
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PassphrasePolicy() {
    }

    /** 0 (guessed at once) to 4 (very strong); context words such as the user or post name count as weak. */
    public static int score(char[] passphrase, List<String> context) {
        if (passphrase.length == 0) {
            return 0;
        }
        Strength strength = ZXCVBN.measure(new String(passphrase), contextWords(context));
        int score = strength.getScore();
        return passphrase.length < MIN_LENGTH ? Math.min(score, 1) : score;
    }

    /**
     * Each context string and also each of its words: zxcvbn matches user inputs only as whole strings,
     * so without the words a display name run together ("hesperashvale") would score as very strong.
     */
    static List<String> contextWords(List<String> context) {
        List<String> words = new ArrayList<>();
        for (String text : context) {
            if (text == null || text.isBlank()) {
                continue;
            }
            words.add(text.strip());
            for (String word : text.split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 3) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    public static void check(char[] passphrase, List<String> context) {
        if (passphrase.length < MIN_LENGTH) {
            throw new UserError("error.passphrase.tooShort", MIN_LENGTH);
        }
        if (score(passphrase, context) < MIN_SCORE) {
            throw new UserError("error.passphrase.tooWeak");
        }
    }
}
