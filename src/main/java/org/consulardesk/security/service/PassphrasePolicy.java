package org.consulardesk.security.service;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
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
        Strength strength = ZXCVBN.measure(new String(passphrase), context);
        int score = strength.getScore();
        return passphrase.length < MIN_LENGTH ? Math.min(score, 1) : score;
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
