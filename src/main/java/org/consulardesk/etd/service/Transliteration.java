package org.consulardesk.etd.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.consulardesk.core.UserError;

/**
 * Names into MRZ characters per ICAO Doc 9303 Part 3 (transliteration of multinational Latin-based
 * characters): the letters the table writes with two letters (Ä AE, Å AA, Æ AE, Ĳ IJ, Ö OE, Ø OE,
 * Œ OE, Ü UE, ß SS, Þ TH) first, then every other letter without its diacritic (NFKD: É E, Ñ N,
 * ﬁ FI), the few that do not decompose by the table (Đ D, Ð D, Ħ H, ı I, Ł L, Ŋ N, Ŧ T).
 * Apostrophes and other punctuation are removed; spaces, hyphens and commas separate name
 * components with one filler {@code <}. Letters of other scripts are refused: the officer types the
 * Latin form the holder uses (no guessing of a romanisation).
 */
public final class Transliteration {
    private static final Map<Character, String> TABLE = Map.ofEntries(
            Map.entry('Ä', "AE"), Map.entry('Å', "AA"), Map.entry('Æ', "AE"), Map.entry('Ĳ', "IJ"),
            Map.entry('Ö', "OE"), Map.entry('Ø', "OE"), Map.entry('Œ', "OE"), Map.entry('Ü', "UE"),
            Map.entry('ß', "SS"), Map.entry('ẞ', "SS"), Map.entry('Þ', "TH"), Map.entry('Đ', "D"),
            Map.entry('Ð', "D"), Map.entry('Ħ', "H"), Map.entry('ı', "I"), Map.entry('Ł', "L"),
            Map.entry('Ŋ', "N"), Map.entry('Ŧ', "T"));

    private Transliteration() {
    }

    /** One name (all its components) as MRZ characters: A–Z and single fillers between components. */
    public static String name(String text) {
        if (text == null) {
            return "";
        }
        // Upper case first so that the table needs capitals only (ß becomes SS here already).
        String upper = text.strip().toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(upper.length() + 8);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            String mapped = TABLE.get(c);
            if (mapped != null) {
                out.append(mapped);
            } else if (c >= 'A' && c <= 'Z') {
                out.append(c);
            } else if (c == ' ' || c == '-' || c == ',' || c == '\u2010' || c == '\u2011' || c == '\u00A0' || c == '<') {
                out.append('<');
            } else if (Character.isLetter(c)) {
                out.append(stripped(c));
            } else if (Character.isDigit(c)) {
                throw new UserError("error.etd.mrz.nameDigit");
            }
            // apostrophes, full stops and other punctuation: omitted
        }
        return out.toString().replaceAll("<+", "<").replaceAll("^<|<$", "");
    }

    private static String stripped(char c) {
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (char b : base.toCharArray()) {
            String mapped = TABLE.get(b);
            if (mapped != null) {
                out.append(mapped);
            } else if (b >= 'A' && b <= 'Z') {
                out.append(b);
            } else if (Character.isLetter(b)) {
                throw new UserError("error.etd.mrz.notLatin");
            }
        }
        return out.toString();
    }

    /** A code or number field: upper case letters and digits only, anything else refused. */
    public static String code(String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    }
}
