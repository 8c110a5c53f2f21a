package org.consulardesk.etd.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.consulardesk.core.Messages;
import org.consulardesk.core.UserError;
import org.consulardesk.etd.model.Mrz;
import org.consulardesk.etd.model.MrzField;
import org.consulardesk.etd.model.MrzInput;
import org.consulardesk.etd.model.MrzRecord;
import org.consulardesk.etd.model.Sex;

/**
 * Writes and reads the TD3 machine-readable zone of ICAO Doc 9303 Part 4: two lines of 44
 * characters, check digits with weights 7-3-1 and a composite check digit over the second line.
 * Pure logic, no I/O.
 */
public final class MrzCodec {
    public static final int LINE = 44;
    public static final int NAME_LENGTH = 39;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd");

    private MrzCodec() {
    }

    // ---------------------------------------------------------------- writing

    public static Mrz write(MrzInput in) {
        String code = code(in.documentCode(), 1, 2, MrzField.DOCUMENT_CODE);
        if (!Character.isLetter(code.charAt(0))) {
            throw fieldError(MrzField.DOCUMENT_CODE);
        }
        String issuer = code(in.issuer(), 3, 3, MrzField.ISSUER);
        String nationality = code(in.nationality(), 3, 3, MrzField.NATIONALITY);
        String number = code(in.number(), 1, 9, MrzField.DOCUMENT_NUMBER);
        String optional = code(in.optionalData(), 0, 14, MrzField.OPTIONAL_DATA);
        if (in.expiry() == null) {
            throw fieldError(MrzField.EXPIRY_DATE);
        }
        if (in.sex() == null) {
            throw fieldError(MrzField.SEX);
        }
        String line1 = pad(code, 2) + issuer + name(in.surname(), in.givenNames());

        String numberField = pad(number, 9);
        String birth = birthDate(in.birthDate());
        String expiry = in.expiry().format(YYMMDD);
        String optionalField = pad(optional, 14);
        String optionalCheck = optional.isEmpty() ? "<" : String.valueOf(checkDigit(optionalField));
        String line2 = numberField + checkDigit(numberField) + nationality + birth + checkDigit(birth) + in.sex().mrz()
                + expiry + checkDigit(expiry) + optionalField + optionalCheck;
        line2 = line2 + checkDigit(composite(line2));
        return new Mrz(line1, line2);
    }

    /**
     * The name field of line 1 (39 characters): primary identifier, {@code <<}, secondary identifier.
     * Too long a name is truncated as Doc 9303 Part 4 describes: characters are cut from the end of the
     * secondary identifier first; if the primary identifier alone leaves no room, it is cut so that
     * {@code <<} and the first letter of the secondary identifier still fit. A truncated name ends with
     * a letter in position 44 (never a filler), which is how a reader sees that it was truncated.
     */
    static String name(String surname, String givenNames) {
        String primary = Transliteration.name(surname);
        String secondary = Transliteration.name(givenNames);
        if (primary.isEmpty()) {
            throw fieldError(MrzField.NAME);
        }
        String full = secondary.isEmpty() ? primary : primary + "<<" + secondary;
        if (full.length() <= NAME_LENGTH) {
            return pad(full, NAME_LENGTH);
        }
        if (secondary.isEmpty()) {
            return primary.substring(0, NAME_LENGTH);
        }
        int room = NAME_LENGTH - primary.length() - 2;
        if (room >= 1) {
            String cut = secondary.substring(0, room).replaceAll("<+$", "");
            return pad(primary + "<<" + cut, NAME_LENGTH);
        }
        String cutPrimary = primary.substring(0, NAME_LENGTH - 3).replaceAll("<+$", "");
        return pad(cutPrimary + "<<" + secondary.charAt(0), NAME_LENGTH);
    }

    /** {@code 1974-08-12} → {@code 740812}; {@code 1974-08} → {@code 7408<<}; {@code 1974} → {@code 74<<<<}; empty → all fillers. */
    static String birthDate(String iso) {
        if (iso == null || iso.isBlank()) {
            return "<<<<<<";
        }
        String s = iso.strip();
        if (!s.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw fieldError(MrzField.BIRTH_DATE);
        }
        try {
            if (s.length() == 10) {
                LocalDate.parse(s);
            } else if (s.length() == 7) {
                java.time.YearMonth.parse(s);
            }
        } catch (java.time.DateTimeException e) {
            throw fieldError(MrzField.BIRTH_DATE);
        }
        String yy = s.substring(2, 4);
        String mm = s.length() >= 7 ? s.substring(5, 7) : "<<";
        String dd = s.length() == 10 ? s.substring(8, 10) : "<<";
        return yy + mm + dd;
    }

    private static String code(String text, int min, int max, MrzField field) {
        String s = Transliteration.code(text);
        if (s.length() < min || s.length() > max || !s.matches("[A-Z0-9<]*")) {
            throw fieldError(field);
        }
        return s;
    }

    private static String pad(String s, int length) {
        return s + "<".repeat(length - s.length());
    }

    // ---------------------------------------------------------------- check digits

    /** Doc 9303 Part 3 check digit: 0–9 as themselves, A–Z as 10–35, filler as 0; weights 7, 3, 1 repeating; modulo 10. */
    public static int checkDigit(CharSequence data) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            sum += value(data.charAt(i)) * weights[i % 3];
        }
        return sum % 10;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not an MRZ character");
    }

    /** The data the composite check digit covers: positions 1–10, 14–20 and 22–43 of line 2. */
    static String composite(String line2) {
        return line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
    }

    // ---------------------------------------------------------------- reading

    /** Parses a TD3 MRZ and checks every check digit; a wrong one is named in the {@link UserError}. */
    public static MrzRecord read(String line1, String line2) {
        String l1 = line1 == null ? "" : line1.strip();
        String l2 = line2 == null ? "" : line2.strip();
        if (l1.length() != LINE || !l1.matches("[A-Z0-9<]+")) {
            throw new UserError("error.etd.mrz.line", 1, LINE);
        }
        if (l2.length() != LINE || !l2.matches("[A-Z0-9<]+")) {
            throw new UserError("error.etd.mrz.line", 2, LINE);
        }
        String code = l1.substring(0, 2).replace("<", "");
        if (code.isEmpty() || !Character.isLetter(l1.charAt(0))) {
            throw fieldError(MrzField.DOCUMENT_CODE);
        }
        String issuer = l1.substring(2, 5);
        if (!issuer.matches("[A-Z<]{3}")) {
            throw fieldError(MrzField.ISSUER);
        }
        String nameField = l1.substring(5);
        int split = nameField.indexOf("<<");
        String primary = split < 0 ? nameField : nameField.substring(0, split);
        String secondary = split < 0 ? "" : nameField.substring(split + 2);
        if (primary.isEmpty() || nameField.matches(".*\\d.*")) {
            throw fieldError(MrzField.NAME);
        }

        String number = l2.substring(0, 9);
        checkField(number, l2.charAt(9), MrzField.DOCUMENT_NUMBER, false);
        String nationality = l2.substring(10, 13);
        if (!nationality.matches("[A-Z<]{3}")) {
            throw fieldError(MrzField.NATIONALITY);
        }
        String birth = l2.substring(13, 19);
        if (!birth.matches("[0-9<]{6}") || !plausibleBirth(birth)) {
            throw fieldError(MrzField.BIRTH_DATE);
        }
        checkField(birth, l2.charAt(19), MrzField.BIRTH_DATE, false);
        Sex sex;
        try {
            sex = Sex.fromMrz(l2.charAt(20));
        } catch (IllegalArgumentException e) {
            throw fieldError(MrzField.SEX);
        }
        String expiry = l2.substring(21, 27);
        if (!expiry.matches("\\d{6}") || !validDate(expiry)) {
            throw fieldError(MrzField.EXPIRY_DATE);
        }
        checkField(expiry, l2.charAt(27), MrzField.EXPIRY_DATE, false);
        String optional = l2.substring(28, 42);
        checkField(optional, l2.charAt(42), MrzField.OPTIONAL_DATA, true);
        checkField(composite(l2), l2.charAt(43), MrzField.COMPOSITE, false);

        return new MrzRecord(code, issuer.replace("<", ""), primary.replace('<', ' ').strip(),
                secondary.replaceAll("<+$", "").replace('<', ' ').strip(), number.replace("<", ""),
                nationality.replace("<", ""), birth, sex, expiry, optional.replaceAll("<+$", ""));
    }

    private static void checkField(String data, char check, MrzField field, boolean fillerAllowedWhenEmpty) {
        if (fillerAllowedWhenEmpty && check == '<' && data.chars().allMatch(c -> c == '<')) {
            return;
        }
        if (check < '0' || check > '9' || checkDigit(data) != check - '0') {
            throw new UserError("error.etd.mrz.checkDigit", Messages.get(field.messageKey()));
        }
    }

    private static boolean validDate(String yymmdd) {
        try {
            LocalDate.parse("20" + yymmdd, DateTimeFormatter.BASIC_ISO_DATE);
            return true;
        } catch (java.time.DateTimeException e) {
            // 29 February of a year that is a leap year only in the other century
            try {
                LocalDate.parse("19" + yymmdd, DateTimeFormatter.BASIC_ISO_DATE);
                return true;
            } catch (java.time.DateTimeException e2) {
                return false;
            }
        }
    }

    private static boolean plausibleBirth(String yymmdd) {
        String yy = yymmdd.substring(0, 2);
        String mm = yymmdd.substring(2, 4);
        String dd = yymmdd.substring(4, 6);
        for (String part : new String[] {yy, mm, dd}) {
            if (part.contains("<") && !part.equals("<<")) {
                return false;
            }
        }
        if (yy.equals("<<") && !(yy + mm + dd).equals("<<<<<<")) {
            return false;
        }
        if (mm.contains("<") && !dd.equals("<<")) {
            return false;
        }
        if (!mm.contains("<") && !dd.contains("<")) {
            return validDate(yymmdd);
        }
        return mm.contains("<") || (Integer.parseInt(mm) >= 1 && Integer.parseInt(mm) <= 12);
    }

    private static UserError fieldError(MrzField field) {
        return new UserError("error.etd.mrz.field", Messages.get(field.messageKey()));
    }
}
