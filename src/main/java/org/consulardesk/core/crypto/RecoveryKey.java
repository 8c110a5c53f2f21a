package org.consulardesk.core.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The head of post's printed recovery key: 160 random bits written as 8 groups of 4 characters
 * in Crockford base32 (no I, L, O, U), easy to read aloud and to retype.
 */
public final class RecoveryKey {
    public static final int GROUPS = 8;
    public static final int GROUP_LENGTH = 4;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int BYTES = 20;

    private final String canonical;

    private RecoveryKey(String canonical) {
        this.canonical = canonical;
    }

    public static RecoveryKey generate() {
        byte[] random = Randoms.bytes(BYTES);
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : random) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return new RecoveryKey(out.toString());
    }

    /**
     * Reads a typed key: case, spaces and dashes do not matter; O reads as 0 and I or L as 1,
     * as Crockford base32 intends.
     */
    public static RecoveryKey parse(String typed) {
        String cleaned = normalise(typed);
        if (cleaned.length() != GROUPS * GROUP_LENGTH) {
            throw new IllegalArgumentException("a recovery key has " + GROUPS * GROUP_LENGTH + " characters");
        }
        for (char c : cleaned.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                throw new IllegalArgumentException("a recovery key has no character '" + c + "'");
            }
        }
        return new RecoveryKey(cleaned);
    }

    public static String normalise(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
    }

    public List<String> groups() {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < canonical.length(); i += GROUP_LENGTH) {
            groups.add(canonical.substring(i, i + GROUP_LENGTH));
        }
        return groups;
    }

    /** The printable form, e.g. {@code 7K2M-QX9D-...}. */
    public String formatted() {
        return String.join("-", groups());
    }

    public char[] secret() {
        return canonical.toCharArray();
    }

    @Override
    public String toString() {
        return "RecoveryKey[hidden]";
    }
}
